/**
 * The per-request half of the operation limits, run once the operation is known and before the
 * gateway plans it (Apollo's didResolveOperation); the per-document caps ran in validation
 * (createOperationLimitsRule). In order:
 * 1. Introspection (`__schema`, `__type`) for a caller without a token, unless
 *    ECOGRAPH_INTROSPECTION_PUBLIC: INTROSPECTION_DISABLED, HTTP 403. Apollo's own `introspection`
 *    switch is global; this one reads the caller. Signed-in callers may always introspect.
 * 2. The cost estimate (estimateCost.ts) against `maxCost`: QUERY_TOO_COMPLEX, HTTP 400. Bureaus
 *    reached = the served ones ∩ the caller's jurisdiction (∩ `cityCodes`, per field).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import type { Caller } from '../request/Caller.ts';
import { estimateCost } from './estimateCost.ts';
import { fragmentsOf } from './foldSelections.ts';
import type { OperationLimits } from './OperationLimits.ts';
import { selectsIntrospection } from './selectsIntrospection.ts';
import { LruCache } from '../shard-engine/index.ts';

/** Estimates kept per document: its operations × bureau sets × variable values seen lately. */
const ESTIMATES_PER_DOCUMENT = 16;
/** Variables longer than this as JSON are costed every time rather than kept as a cache key. */
const MAX_KEYED_VARIABLES_CHARS = 512; // so a document keeps at most ~8 KB of keys

export interface UseOperationLimitsOptions {
  readonly limits: OperationLimits;
  /** Whether callers without a token may introspect (ECOGRAPH_INTROSPECTION_PUBLIC). */
  readonly publicIntrospection: boolean;
  /** The contract's sharding policies by root field (readShardingPolicies). */
  readonly policies: ReadonlyMap<string, ShardingPolicy>;
  /** Broadcast entity fields as `Type.field` (splitBroadcastFields). */
  readonly broadcastFields: ReadonlySet<string>;
  /** The bureaus the shard engine serves now (the registry's enabled ones). */
  readonly servedCities: () => readonly string[];
}

/** What the per-request limits need to know of one request (Apollo's request context has it all). */
export interface OperationCheckInput {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode | undefined;
  readonly operationName: string | null | undefined;
  readonly schema: GraphQLSchema;
  readonly variables: Readonly<Record<string, unknown>> | null;
  readonly caller: Caller;
}

/** The bureaus a request reaches, and them as a cache key. */
type ReachedBureaus = ReadonlySet<string> & { readonly key: string };

/** Throws the refusal (INTROSPECTION_DISABLED, QUERY_TOO_COMPLEX) of a request over its limits. */
export type OperationCheck = (input: OperationCheckInput) => void;

/** The checks (createOperationCheck) as Apollo's didResolveOperation; the known-operation path runs the same ones. */
export function useOperationLimits(check: OperationCheck): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, schema, request, contextValue: { caller } }) {
          check({ document, operation, operationName, schema, variables: request.variables ?? null, caller });
        },
      };
    },
  };
}

/** The per-request limits, with their cost estimates kept per document (module comment). */
export function createOperationCheck(options: UseOperationLimitsOptions): OperationCheck {
  const { limits, publicIntrospection, policies, broadcastFields, servedCities } = options;
  const estimates = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, LruCache<string, number>>>();
  const costOf = (
    document: DocumentNode, schema: GraphQLSchema, reached: ReachedBureaus,
    operationName: string | null | undefined, variables: Readonly<Record<string, unknown>> | null,
  ): number => {
    const estimate = () => estimateCost(document, schema, policies, reached, {
      operationName, variables, listSize: limits.listSize, broadcastFields,
    });
    // Variables come from the request's JSON, so their JSON tells values apart exactly.
    const variablesJson = variables === null ? '' : JSON.stringify(variables);
    if (variablesJson.length > MAX_KEYED_VARIABLES_CHARS) return estimate();
    let byDocument = estimates.get(schema);
    if (!byDocument) estimates.set(schema, (byDocument = new WeakMap()));
    let known = byDocument.get(document);
    if (!known) byDocument.set(document, (known = new LruCache(ESTIMATES_PER_DOCUMENT)));
    const key = `${operationName ?? ''}\u0000${reached.key}\u0000${variablesJson}`;
    let cost = known.get(key);
    if (cost === undefined) known.set(key, (cost = estimate()));
    return cost;
  };
  // The bureaus a caller reaches, kept per (jurisdiction, served list): both are the same objects
  // from request to request until a token or the registry changes.
  const reachedSets = new WeakMap<readonly string[], WeakMap<object, ReachedBureaus>>();
  const everyBureau = {};
  const reachedBy = (jurisdiction: ReadonlySet<string> | null, served: readonly string[]): ReachedBureaus => {
    let byJurisdiction = reachedSets.get(served);
    if (!byJurisdiction) reachedSets.set(served, (byJurisdiction = new WeakMap()));
    let reached = byJurisdiction.get(jurisdiction ?? everyBureau);
    if (!reached) {
      const codes = new Set(jurisdiction ? served.filter((code) => jurisdiction.has(code)) : served);
      byJurisdiction.set(jurisdiction ?? everyBureau, (reached = Object.assign(codes, { key: [...codes].join(',') })));
    }
    return reached;
  };
  return ({ document, operation, operationName, schema, variables, caller }) => {
    if (caller.role !== 'authenticated' && !publicIntrospection && operation && selectsIntrospection(fragmentsOf(document), operation)) {
      throw ERRORS.INTROSPECTION_DISABLED.err(
        'Introspection (__schema, __type) is open only to signed-in callers here; send a bearer token.',
        { extensions: { http: { status: 403 } } },
      );
    }
    const reached = reachedBy(caller.jurisdiction, servedCities());
    const cost = costOf(document, schema, reached, operationName, variables);
    if (cost > limits.maxCost) {
      throw ERRORS.QUERY_TOO_COMPLEX.err(
        `The operation's estimated cost is ${cost}; the limit is ${limits.maxCost}. A fan-out here reaches ${reached.size} ` +
        'bureaus: ask for smaller pages (first), fewer bureaus (cityCodes) or fewer nested lists.',
        { extensions: { max: limits.maxCost, measured: cost, bureaus: reached.size, http: { status: 400 } } },
      );
    }
  };
}
