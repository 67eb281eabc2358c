/**
 * The parts of a subscription event that were resolved through the federated graph, spliced into
 * the event's payload so that graphql-js executes the subscriber's selection over both alike
 * (graphql-js `subscribe` runs the selection on each payload: GraphQL spec §6.2.3
 * "MapSourceToResponseEvent").
 *
 * What the graph answered is keyed by response key (the subscriber's aliases were in the query the
 * graph ran), what the event carries by field name; `liveFieldResolver` reads each object the way it
 * was made. An error the graph reported at a path becomes the error of that field here (returned from
 * the resolver, so graphql-js puts it at the subscriber's own path and nulls the field as the schema
 * says), with its message and `extensions` as the query would have shown them.
 */
import { GraphQLError, type GraphQLFieldResolver, type GraphQLFormattedError } from 'graphql';

interface GraphObject {
  /** Errors by the response key of a field of this object. */
  readonly errors: Map<string, GraphQLFormattedError>;
}

const graphObjects = new WeakMap<object, GraphObject>();

/**
 * Marks `data` (the value the graph answered at path `at` of its response, e.g. ['live0'] or
 * ['live1', 'readings', 0]) and every object in it as keyed by response key, and hangs each error
 * below `at` on the object that holds the field it names. Returns `data`.
 */
export function adoptGraphData(data: unknown, at: readonly (string | number)[], errors: readonly GraphQLFormattedError[]): unknown {
  mark(data);
  for (const error of errors) {
    const path = error.path;
    if (!path || path.length <= at.length || !at.every((segment, i) => path[i] === segment)) continue;
    const relative = path.slice(at.length);
    let holder: unknown = data;
    let key: string | number = relative[0]!;
    for (const segment of relative.slice(1)) {
      const next = typeof holder === 'object' && holder !== null ? (holder as Record<string | number, unknown>)[key] : undefined;
      if (typeof next !== 'object' || next === null) break;
      holder = next;
      key = segment;
    }
    if (typeof holder === 'object' && holder !== null && !Array.isArray(holder) && typeof key === 'string') {
      const errorsOf = graphObjects.get(holder)?.errors;
      if (errorsOf && !errorsOf.has(key)) errorsOf.set(key, error);
    }
  }
  return data;
}

/** The error that explains why nothing came at `at` (an error on it or above it, or one without a path). */
export function errorAt(at: readonly (string | number)[], errors: readonly GraphQLFormattedError[]): GraphQLFormattedError | undefined {
  return errors.find((e) => e.path !== undefined && e.path.length <= at.length && e.path.every((segment, i) => at[i] === segment))
    ?? errors.find((e) => e.path === undefined || e.path.length === 0);
}

/** A formatted error as a fresh GraphQLError (no path: graphql-js locates it at the subscriber's field). */
export function asGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions ?? {} });
}

/**
 * graphql-js's field resolver for subscription payloads: graph objects are read by response key
 * (with the graph's error for a missing value), everything else by field name, as graphql-js's own
 * default resolver does (functions are called, so payloads may compute a field).
 */
export const liveFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (typeof source !== 'object' || source === null) return undefined;
  const graph = graphObjects.get(source);
  if (graph) {
    const value = (source as Record<string, unknown>)[info.path.key as string];
    if (value === null || value === undefined) {
      const error = graph.errors.get(info.path.key as string);
      if (error) return asGraphQLError(error);
    }
    return value;
  }
  const value = (source as Record<string, unknown>)[info.fieldName];
  return typeof value === 'function' ? (value as (a: unknown, c: unknown, i: unknown) => unknown)(args, context, info) : value;
};

function mark(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) mark(item);
    return;
  }
  if (graphObjects.has(value)) return;
  graphObjects.set(value, { errors: new Map() });
  for (const child of Object.values(value)) mark(child);
}
