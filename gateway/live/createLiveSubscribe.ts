/**
 * The subscribe resolver of every Subscription field (graphql-js `subscribeFieldResolver`): checks
 * the arguments and the caller, derives the graph query from the subscriber's selection once, and
 * opens the source stream — the EventHub from `since` (or SSE's Last-Event-ID, or from now), or the
 * registry's state changes for `bureauStatusChanged`. Each event the subscriber may see is resolved
 * through the graph as that subscriber (RunGraphQuery) into the payload graphql-js then runs the
 * subscriber's selection over (with liveFieldResolver).
 */
import type { GraphQLError, GraphQLFieldResolver, GraphQLFormattedError, GraphQLResolveInfo } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { formatCst } from '../../schema/formatCst.ts';
import type { EventHub, HubEvent } from '../events/EventHub.ts';
import type { CityStatusChange } from '../registry/CityRegistry.ts';
import { createEventStream } from './createEventStream.ts';
import { deriveGraphQuery, responsePathKey, type GraphQuery } from './deriveGraphQuery.ts';
import { adoptGraphData, asGraphQLError, errorAt } from './graphData.ts';
import type { GraphAnswer, LiveContext, RunGraphQuery } from './LiveContext.ts';
import { decodeEventId, encodeEventId } from './liveEventId.ts';
import { GRAPH_VARIABLE_TYPES, LIVE_FIELDS, reaches, type GraphValue, type LiveField } from './liveFields.ts';

export interface LiveSubscribeOptions {
  readonly hub: EventHub;
  readonly runGraphQuery: RunGraphQuery;
  /** The registry's bureau state changes (CityRegistry.watchCityStatus). */
  readonly watchCityStatus: (listener: (change: CityStatusChange) => void) => () => void;
  /** Events held before a stream's subscribers are cut off with SUBSCRIBER_TOO_SLOW. @default 10000 */
  readonly maxBacklog?: number;
}

const DEFAULT_MAX_BACKLOG = 10_000;

/** graphql-js's registry states → the public BureauStatus enum (pending is never announced). */
const STATUS_NAMES: Readonly<Record<string, string>> = {
  up: 'UP', degraded: 'DEGRADED', down: 'DOWN', 'off-contract': 'OFF_CONTRACT', disabled: 'DISABLED',
};

export function createLiveSubscribe(options: LiveSubscribeOptions): GraphQLFieldResolver<unknown, LiveContext> {
  const maxBacklog = options.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  return (_root, args: Record<string, unknown>, context, info) => {
    const name = info.fieldName;
    const field = LIVE_FIELDS.get(name);
    const filter = field?.start(args, context.caller);
    const from = field ? readSince(args['since'], context.lastEventId) : null;
    const failure = (error: GraphQLError) => ({ [name]: () => error });
    const common = { maxBacklog, failure };
    if (!field || !filter) {
      return createEventStream<CityStatusChange>({
        ...common,
        open: (sink) => options.watchCityStatus((change) => {
          if (STATUS_NAMES[change.status] && reaches(context.caller, change.code)) sink.push(change);
        }),
        resolve: async (change) => ({
          [name]: { cityCode: change.code, name: change.name, status: STATUS_NAMES[change.status], at: formatCst(change.at) },
        }),
      });
    }
    const query = deriveGraphQuery(info, field.parts, GRAPH_VARIABLE_TYPES, `Live_${name}`);
    return createEventStream<HubEvent>({
      ...common,
      open(sink) {
        const subscription = options.hub.subscribe(from, {
          onEvent: (event) => void (filter.accepts(event) && sink.push(event)),
          onExpired: (cityCode, feed) => sink.fail(ERRORS.EVENTS_EXPIRED.err(
            `Bureau ${cityCode} no longer keeps the events after this position (feed ${feed}): re-query the current state, then subscribe without since.`,
            { extensions: { cityCode, feed } },
          )),
        });
        return () => subscription.close();
      },
      async resolve(event, signal) {
        const graph = await resolveGraph(field, query, event, context, options.runGraphQuery, signal);
        return { [name]: field.payload(event, graph) };
      },
      handOver: (event) => context.announce?.(encodeEventId(event.position)),
    });
  };
}

/** `since`, else the SSE Last-Event-ID, as a position; null = from now. */
function readSince(since: unknown, lastEventId: string | null): ReturnType<typeof decodeEventId> {
  const id = typeof since === 'string' ? since : lastEventId;
  if (id === null) return null;
  const position = decodeEventId(id);
  if (position === null) {
    throw ERRORS.BAD_USER_INPUT.err(
      `${typeof since === 'string' ? '"since"' : 'Last-Event-ID'} is not an event id this graph gave (pass the id of an event received).`,
      { extensions: { argument: typeof since === 'string' ? 'since' : 'Last-Event-ID' } },
    );
  }
  return position;
}

const UNEXPECTED: GraphQLFormattedError = { message: 'Unexpected error.', extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };

/** Runs the event's graph query (if the subscriber selects anything the graph answers) → the value of each graph-backed field. */
async function resolveGraph(field: LiveField, query: GraphQuery, event: HubEvent, context: LiveContext, run: RunGraphQuery, signal: AbortSignal): Promise<GraphValue> {
  let answer: GraphAnswer = {};
  if (query.source !== null) {
    const values = field.variables(event);
    const variables = { ...query.subscriberVariables, ...Object.fromEntries([...query.variableNames].map(([full, part]) => [full, values[part]])) };
    // An event of a bureau just back comes from a stream that closed that bureau's circuit as it
    // answered again (FollowedBureau.answered): this query reaches the bureau, not CITY_UNAVAILABLE.
    answer = await run({ query: query.source, variables, operationName: query.operationName }, context, signal)
      .catch((): GraphAnswer => ({ errors: [UNEXPECTED] }));
  }
  const errors = answer.errors ?? [];
  return (_args, _context, info) => {
    const alias = query.aliases.get(responsePathKey(keysBelowRoot(info as GraphQLResolveInfo)));
    if (alias === undefined) return null;
    const at = [alias, ...(query.inner.get(alias) ?? [])];
    const value = dig(answer.data, at);
    if (value === null || value === undefined) {
      const error = errorAt(at, errors);
      return error ? asGraphQLError(error) : null;
    }
    return adoptGraphData(value, at, errors);
  };
}

/** The response keys from below the subscription field down to this field (list indices left out). */
function keysBelowRoot(info: GraphQLResolveInfo): string[] {
  const keys: string[] = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) {
    if (typeof path.key === 'string') keys.unshift(path.key);
  }
  return keys.slice(1);
}

function dig(data: unknown, at: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of at) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
