/**
 * Turns the city contract plus one bureau's adapter into a Federation 2 subgraph: the same schema
 * and resolvers for every bureau, with per-request loaders over that bureau's ports.
 */
import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { loadContract } from '../../schema/loadContract.ts';
import { readShardingPolicies } from '../../schema/shardingPolicies.ts';
import type { CityContext } from './CityContext.ts';
import { createApolloSubgraph } from './createApolloSubgraph.ts';
import { createLoaders } from './createLoaders.ts';
import type { ErrorLogger } from './formatSubgraphError.ts';
import type { BureauSource } from './ports.ts';
import { createResolvers } from './resolvers/createResolvers.ts';
import { PUBLIC_FORWARDED_CALLER, type ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';
import { ERRORS } from '../../schema/errors.ts';
import type { SignedRoute } from '../../schema/http/serveApollo.ts';
import type { VerifiedGatewayRequest } from './admission/authorizeGatewayRequest.ts';
import { createCooperationContext } from './cooperation/CooperationContext.ts';
import type { RegionDirectory } from './cooperation/createRegionDirectory.ts';
import type { ResourceDirectory } from './cooperation/createResourceDirectory.ts';
import { relayRoutes } from './cooperation/relayRoutes.ts';
import { eventRoutes } from './events/eventRoutes.ts';
import { createEventMetrics, type EventMetrics } from './events/createEventMetrics.ts';
import { HeldPulls } from './events/HeldPulls.ts';

export interface CitySubgraph {
  readonly schema: GraphQLSchema;
  readonly apollo: ApolloServer<CityContext>;
  /**
   * A fresh context (fresh loaders) for one request of `caller` (in-process use: the public role),
   * with the request's verified gateway token and id.
   */
  context(caller?: ForwardedCaller, gatewayToken?: string | null, requestId?: string): CityContext;
  /**
   * The delivery protocol's signed routes (relayRoutes.ts; none without a cooperation store) and the
   * event stream's (events/eventRoutes.ts; none without an event log).
   */
  readonly signedRoutes: Readonly<Record<string, SignedRoute<VerifiedGatewayRequest>>>;
  /** The edge's own metrics (event pulls held now), served at /metrics. */
  readonly metrics: EventMetrics;
  /** Ends the held event pulls at once, so the server's drain need not wait for them (before closing it). */
  stop(): void;
}

export interface CitySubgraphOptions {
  /** How the bureau learns rivers, sections and bureaus (through the gateway). @default one that always fails (RECIPIENTS_UNAVAILABLE) */
  readonly directory?: RegionDirectory;
  /** How the bureau learns whether a responder has the resources a request names (through the gateway). @default one that always fails */
  readonly resources?: ResourceDirectory;
  /** The clock of writes and deliveries. @default Date.now */
  readonly now?: () => number;
}

const noGatewayLink = () =>
  Promise.reject(ERRORS.RECIPIENTS_UNAVAILABLE.err('This bureau has no link to the gateway.', { extensions: { reason: 'no-gateway-link' } }));

export function createCitySubgraph(source: BureauSource, log: ErrorLogger, options: CitySubgraphOptions = {}): CitySubgraph {
  const contract = loadContract();
  const schema = buildSubgraphSchema({ typeDefs: contract, resolvers: createResolvers(readShardingPolicies(contract)) as never });
  const { directory = noGatewayLink, resources = noGatewayLink, now = Date.now } = options;
  const store = source.cooperation;
  const closing = new AbortController();
  const held = new HeldPulls();
  return {
    schema,
    apollo: createApolloSubgraph<CityContext>(schema, source.cityCode, log),
    context: (caller = PUBLIC_FORWARDED_CALLER, gatewayToken = null, requestId = randomUUID()) => ({
      cityCode: source.cityCode,
      source,
      loaders: createLoaders(source),
      caller,
      requestId,
      gatewayToken,
      cooperation: store === undefined ? null : createCooperationContext(store, directory, resources, now),
    }),
    signedRoutes: {
      ...(store !== undefined && relayRoutes(source.cityCode, store, now)),
      ...(source.events !== undefined && eventRoutes(source.events, closing.signal, held)),
    },
    metrics: createEventMetrics(held),
    stop: () => closing.abort(),
  };
}
