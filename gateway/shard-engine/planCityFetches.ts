/**
 * Turns one planner fetch into per-bureau fetches (README.md, "How the gateway joins the bureaus").
 * A query sends each bureau ONE document holding every root field routed to it, all bureaus in
 * parallel. A mutation groups CONSECUTIVE root fields by bureau and the groups run strictly one
 * after another: GraphQL spec §6.2.2 runs mutation fields serially, and a bureau only does that
 * within one request.
 */
import type { CityFetch } from './CityFetch.ts';
import type { CitySet } from './CitySet.ts';
import { buildCityDocument } from './buildCityDocument.ts';
import { collectFields, type SelectionScope } from './collectFields.ts';
import type { ContractIndex } from './indexContract.ts';
import { planRootTask } from './planRootTask.ts';
import type { CityField, PreparedFetch } from './prepareFetch.ts';
import type { RootTask } from './RootTask.ts';
import type { ShardRequest } from './ShardEngine.ts';
import { taskTargets } from './taskTargets.ts';
import { withVariableDefaults } from './withVariableDefaults.ts';

export interface ShardPlan {
  readonly tasks: readonly RootTask[];
  readonly fetches: readonly CityFetch[];
  /** Per task, the fetch (index into `fetches`) that each of its bureaus answers in. */
  readonly fetchOf: ReadonlyArray<ReadonlyMap<string, number>>;
  /** True for mutations: run `fetches` one at a time, in order. */
  readonly serial: boolean;
  /** The fetch's fragments and variables, for shaping merged results from the client's selections. */
  readonly scope: SelectionScope;
}

interface Group {
  readonly city: string;
  readonly fields: CityField[];
  readonly injected: Record<string, unknown>;
}

export function planCityFetches(fetch: PreparedFetch, request: ShardRequest, index: ContractIndex, cities: CitySet): ShardPlan {
  const provided = request.variables ?? {};
  const scope: SelectionScope = { fragments: fetch.fragments, variables: withVariableDefaults(fetch.variableDefinitions, provided), index };
  const tasks = collectFields([fetch.operation.selectionSet], fetch.rootType, scope)
    .map((field) => planRootTask(field, fetch.rootType, scope, cities));
  const groups: Group[] = [];
  const groupOfCity = new Map<string, number>();
  const fetchOf = tasks.map((task) => {
    const fetchByCity = new Map<string, number>();
    for (const [city, injected] of taskTargets(task)) {
      let group = fetch.kind === 'query' ? groupOfCity.get(city) : groups.at(-1)?.city === city ? groups.length - 1 : undefined;
      if (group === undefined) {
        group = groups.push({ city, fields: [], injected: {} }) - 1;
        groupOfCity.set(city, group);
      }
      const target = groups[group] as Group;
      target.fields.push(...cityFieldsOf(task, fetch));
      Object.assign(target.injected, injected);
      fetchByCity.set(city, group);
    }
    return fetchByCity;
  });
  const fetches = groups.map(({ city, fields, injected }): CityFetch => {
    const document = buildCityDocument(fetch, fields);
    const variables: Record<string, unknown> = {};
    for (const name of document.variables) {
      if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
    }
    return { city, query: document.query, variables: { ...variables, ...injected }, operation: fetch.kind };
  });
  return { tasks, fetches, fetchOf, serial: fetch.kind === 'mutation', scope };
}

function cityFieldsOf(task: RootTask, fetch: PreparedFetch): CityField[] {
  if (task.kind === 'local') return [];
  return task.field.nodes.map((node) => {
    const field = fetch.cityFields.get(node);
    if (!field) throw new TypeError('a root field was collected that prepareFetch did not see');
    return field;
  });
}
