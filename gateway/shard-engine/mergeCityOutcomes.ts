/**
 * The bureaus' outcomes merged into one response, as if one bureau had answered the planner's fetch.
 * Each root response key is merged on its own (by response key, never by field name), so one
 * bureau's failure never nulls another's data (README.md, "How the gateway joins the bureaus").
 * Errors a bureau gave outside any field it was asked for are passed on without a path, naming the
 * bureau.
 */
import type { CityOutcome } from './CityFetch.ts';
import { cityError } from './cityError.ts';
import type { CityPart } from './CityPart.ts';
import { ErrorSink } from './ErrorSink.ts';
import { getOwn } from './getOwn.ts';
import { mergeConnection } from './mergeConnection.ts';
import { mergeEntities } from './mergeEntities.ts';
import { mergeList } from './mergeList.ts';
import { mergeRoute } from './mergeRoute.ts';
import type { ShardPlan } from './planCityFetches.ts';
import { readCityAnswer, type CityAnswer } from './readCityAnswer.ts';
import type { RootTask } from './RootTask.ts';
import type { ShardResponse } from './ShardEngine.ts';

export function mergeCityOutcomes(plan: ShardPlan, outcomes: readonly CityOutcome[], maxErrors: number): ShardResponse {
  const answers = plan.fetches.map((fetch, i) => readCityAnswer(outcomes[i], fetch.city, maxErrors));
  const claimed = answers.map(() => new Set<string>());
  const errors = new ErrorSink(maxErrors);
  const data: Record<string, unknown> = Object.create(null);
  plan.tasks.forEach((task, t) => {
    const parts = [...(plan.fetchOf[t] ?? [])].map(([city, f]) => {
      claimed[f]?.add(task.key);
      return partOf(answers[f], city, task.key);
    });
    data[task.key] = mergeTask(task, parts, errors, plan);
  });
  answers.forEach((answer, f) => {
    if (answer.kind !== 'ok') return;
    for (const error of answer.errors) {
      const root = error.path?.[0];
      if (typeof root !== 'string' || !claimed[f]?.has(root)) errors.push(cityError(error, answer.city, null));
    }
  });
  return errors.errors.length > 0 ? { data, errors: errors.errors } : { data };
}

function partOf(answer: CityAnswer | undefined, city: string, key: string): CityPart {
  if (!answer) return { kind: 'failed', city, reason: 'bad-response' };
  if (answer.kind === 'failed') return answer;
  return { kind: 'ok', city, value: getOwn(answer.data, key), errors: answer.errors.filter((e) => e.path?.[0] === key) };
}

function mergeTask(task: RootTask, parts: readonly CityPart[], errors: ErrorSink, plan: ShardPlan): unknown {
  switch (task.kind) {
    case 'local':
      if (task.error) errors.push(task.error);
      return task.value;
    case 'route':
      return mergeRoute(task.key, parts[0], errors);
    case 'list':
      return mergeList(task.key, parts, task.forbidden, task.unknown, errors);
    case 'connection':
      return mergeConnection(task, parts, errors, plan.scope);
    case 'entities':
      return mergeEntities(task.key, task.plan, parts, errors);
    default:
      return task satisfies never;
  }
}
