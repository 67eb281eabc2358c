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
import { ERRORS } from '../../schema/errors.ts';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { estimateCost } from './estimateCost.ts';
import { fragmentsOf } from './foldSelections.ts';
import type { OperationLimits } from './OperationLimits.ts';
import { selectsIntrospection } from './selectsIntrospection.ts';

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

export function useOperationLimits(options: UseOperationLimitsOptions): ApolloServerPlugin<GatewayContext> {
  const { limits, publicIntrospection, policies, broadcastFields, servedCities } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, schema, request, contextValue: { caller } }) {
          if (caller.role !== 'authenticated' && !publicIntrospection && operation && selectsIntrospection(fragmentsOf(document), operation)) {
            throw ERRORS.INTROSPECTION_DISABLED.err(
              'Introspection (__schema, __type) is open only to signed-in callers here; send a bearer token.',
              { extensions: { http: { status: 403 } } },
            );
          }
          const jurisdiction = caller.jurisdiction;
          const reached = new Set(jurisdiction ? servedCities().filter((code) => jurisdiction.has(code)) : servedCities());
          const cost = estimateCost(document, schema, policies, reached, {
            operationName, variables: request.variables ?? null, listSize: limits.listSize, broadcastFields,
          });
          if (cost > limits.maxCost) {
            throw ERRORS.QUERY_TOO_COMPLEX.err(
              `The operation's estimated cost is ${cost}; the limit is ${limits.maxCost}. A fan-out here reaches ${reached.size} ` +
              'bureaus: ask for smaller pages (first), fewer bureaus (cityCodes) or fewer nested lists.',
              { extensions: { max: limits.maxCost, measured: cost, bureaus: reached.size, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
