/**
 * The composition root of the gateway: only wiring (style AP1). Registry → shard engine →
 * data sources → Apollo Gateway → Apollo Server (metrics, request log, tracing, limits plugins) → HTTP edge with /livez, /readyz,
 * /metrics and the analysts' IDE (/, /graphiql, /ide/assets/).
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expandSubgraphSdl } from '../../schema/expandSubgraphSdl.ts';
import { loadContract, loadRegion } from '../../schema/loadContract.ts';
import { serveApollo, type RunningServer } from '../../schema/http/serveApollo.ts';
import { CITIES_SUBGRAPH, CITY_BROADCAST_SUBGRAPH, composeSupergraph } from '../composition/composeSupergraph.ts';
import type { GatewayConfig } from '../config/loadGatewayConfig.ts';
import { RegionDataSource } from '../datasources/RegionDataSource.ts';
import { ShardedCitiesDataSource } from '../datasources/ShardedCitiesDataSource.ts';
import { createGatewayMetrics, type GatewayMetrics } from '../plugins/GatewayMetrics.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { useMetrics } from '../plugins/useMetrics.ts';
import { useRequestLogging } from '../plugins/useRequestLogging.ts';
import { traceWithinRequest, useTracing } from '../plugins/useTracing.ts';
import { createTracer } from '../telemetry/createTracer.ts';
import { CityRegistry } from '../registry/CityRegistry.ts';
import { createShardEngine } from '../shard-engine/index.ts';
import { AccessControlledGateway } from '../access/AccessControlledGateway.ts';
import { createCallerAuthenticator } from '../callers/authenticateCaller.ts';
import { readAccessPolicies } from '../../schema/accessPolicies.ts';
import { ideRoutes } from '../ide/serveIde.ts';
import { createBureauTokenSigner } from '../bureau-tokens/createBureauTokenSigner.ts';
import { createRegionCallbackVerifier } from '../bureau-tokens/createRegionCallbackVerifier.ts';
import { maskGatewayError } from './maskGatewayError.ts';
import { PUBLIC_CALLER } from '../request/Caller.ts';
import { createRateLimiter } from '../ratelimit/createRateLimiter.ts';
import { createRateLimitGuard } from '../ratelimit/createRateLimitGuard.ts';
import { readClientAddress } from './readClientAddress.ts';
import { readShardingPolicies } from '../../schema/shardingPolicies.ts';
import { splitBroadcastFields } from '../composition/splitBroadcastFields.ts';
import { createOperationLimitsRule } from '../limits/createOperationLimitsRule.ts';
import { restoreLimitCode } from '../limits/restoreLimitCode.ts';
import { knownOperationTypesRule } from '../limits/knownOperationTypesRule.ts';
import { useOperationLimits } from '../limits/useOperationLimits.ts';
import { createPersistedQueryStore } from '../persisted/createPersistedQueryStore.ts';
import { useSafelist } from '../persisted/useSafelist.ts';

export type GatewayLog = (event: Record<string, unknown>) => void;

export interface RunningGateway {
  readonly url: string;
  readonly registry: CityRegistry;
  close(): Promise<void>;
}

export async function createGateway(config: GatewayConfig, log: GatewayLog): Promise<RunningGateway> {
  // Apollo's gateway phones home and probes cloud metadata addresses unless this is set before it
  // is constructed (ARCHITECTURE.md "Traps"). Nothing here may leave the machine's network.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

  const contract = loadContract();
  const regionTypeDefs = loadRegion();
  let engine = createShardEngine({
    contract,
    cities: [],
    onUnexpectedError: (error) => log({ level: 'error', msg: 'shard engine', detail: (error as Error).message }),
  });
  let updateSupergraph: ((sdl: string) => void) | null = null;
  // Off unless ECOGRAPH_OTEL_ENDPOINT is set: then spans of requests and their bureau fetches.
  const tracer = await createTracer(config.telemetry);
  // Metrics read bureau state from the registry at scrape time; the registry is created just below.
  const metrics: GatewayMetrics = createGatewayMetrics(() => registry.readiness().cities);
  const registry = new CityRegistry({
    path: config.registryPath,
    recheckMs: config.recheckMs,
    contract: expandSubgraphSdl(contract),
    region: expandSubgraphSdl(regionTypeDefs),
    log,
    signer: createBureauTokenSigner(config.signingKey), // the key is prepared once; each token is one signature
    onCities: (codes) => (engine = engine.withCities(codes)),
    onRegionUrl: (url) => updateSupergraph?.(composeSupergraph({ typeDefs: regionTypeDefs, url }, contract)),
    observeSend: (outcome, durationMs) => {
      metrics.observeCitySend(outcome, durationMs);
      tracer.observeCitySend(outcome, durationMs);
    },
  });
  await registry.start();

  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl: composeSupergraph({ typeDefs: regionTypeDefs, url: registry.region.url }, contract) };
    },
    buildService: ({ name }) =>
      name === CITIES_SUBGRAPH || name === CITY_BROADCAST_SUBGRAPH
        ? traceWithinRequest(new ShardedCitiesDataSource(() => engine, (fetch, headers, identity) => registry.send(fetch, headers, identity)), tracer)
        : new RegionDataSource(() => registry.regionClient, registry.region.timeoutMs, (identity, headers) => registry.regionHeadersFor(identity, headers)),
    __exposeQueryPlanExperimental: false, // query plans describe our internals: never to clients
  });

  // APQ: the safelist's documents, else shared through Redis (memory while it is down), else Apollo's memory cache.
  const persisted = await createPersistedQueryStore({ safelist: config.persistedQueries.safelist, redisUrl: config.redisUrl }, log);
  const { limits } = config;
  const maskError = maskGatewayError(log);

  // Callers' bearer tokens → Caller at the HTTP edge; field access from the contract enforced around the gateway.
  // The region calls back with the gateway's own region token of the request it serves: that request's caller.
  const authenticate = createCallerAuthenticator(config.callerTokens, log, createRegionCallbackVerifier(config.signingKey));
  // Per caller (token subject, else address), shared through Redis when configured (memory while it is down).
  const limiter = await createRateLimiter({ windowMs: config.rateLimits.windowMs, redisUrl: config.redisUrl }, log);
  const rateLimit = createRateLimitGuard(limiter, config.rateLimits, (caller) => metrics.rateLimited.inc({ role: caller.role }));
  const apollo = new ApolloServer<GatewayContext>({
    gateway: new AccessControlledGateway(gateway, readAccessPolicies(contract)),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(restoreLimitCode(formatted, error), error),
    // Operation limits (gateway/limits/): the parser stops at maxTokens; the structural caps run
    // as a validation rule that refuses before the costly rules walk the document.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [createOperationLimitsRule(limits), knownOperationTypesRule],
    // Per caller in useOperationLimits: Apollo's switch is global, and off it adds a rule that refuses everyone.
    introspection: true,
    // No "Did you mean …?" in production: suggestions list the schema's names to anyone.
    hideSchemaDetailsFromClientErrors: config.mode === 'production',
    allowBatchedHttpRequests: false, // one operation per request: a batch would multiply every limit
    persistedQueries: { cache: persisted.cache, ttl: config.persistedQueries.ttlSeconds },
    // main.ts owns SIGINT/SIGTERM (drain HTTP, then stop). Apollo's own handler would call stop()
    // concurrently, and Apollo 5 never resolves a second stop() that waits on a first one: the
    // process then hangs on SIGTERM instead of exiting.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads Sandbox from a CDN and its reporting phones home.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The HTTP edge names the request (x-request-id on every answer); metrics and the log line
      // read the same final response (outcome, codes).
      useMetrics(metrics),
      useTracing(tracer),
      useRequestLogging(log),
      // Before planning, in this order (the first refusal wins): the safelist, then introspection and cost.
      config.persistedQueries.safelist && useSafelist(config.persistedQueries.safelist, limits, log),
      useOperationLimits({
        limits,
        publicIntrospection: config.publicIntrospection,
        policies: readShardingPolicies(contract),
        broadcastFields: splitBroadcastFields(contract).broadcastFields,
        servedCities: () => engine.cities,
      }),
    ].filter((plugin) => plugin !== null),
  });

  const ide = ideRoutes();
  let running: RunningServer;
  try {
    running = await serveApollo({
      apollo,
      context: async (req, _identity, requestId) => {
        const clientAddress = readClientAddress(req, config.trustedProxies);
        // Throws 401 for a token that proves nothing; such a request still spends its address's
        // public budget, so forged tokens cannot be sprayed without limit.
        const { caller, via } = await authenticate(req.headers.authorization).catch(async (error: unknown) => {
          await rateLimit(PUBLIC_CALLER, clientAddress);
          throw error;
        });
        // 429 + Retry-After, before any GraphQL work; the region's callbacks spend a budget of their own.
        await rateLimit(caller, clientAddress, via === 'region-callback' ? 'region-callback' : 'client');
        return { requestId, caller, clientAddress };
      },
      name: 'gateway',
      host: config.host,
      port: config.port,
      routes: {
        '/livez': async () => ({ status: 200, body: { status: 'alive' } }),
        '/readyz': async () => {
          const readiness = registry.readiness();
          return { status: readiness.ready ? 200 : 503, body: readiness };
        },
        '/metrics': async () => ({ status: 200, body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
        ...ide.routes, // the analysts' IDE at / and /graphiql
      },
      prefixRoutes: ide.prefixRoutes,
    });
  } catch (error) {
    await registry.stop();
    await tracer.shutdown();
    await persisted.close();
    await limiter.close();
    throw error;
  }
  return {
    url: running.url,
    registry,
    async close() {
      await running.close(); // drains in-flight requests, then stops Apollo (and the gateway)
      await registry.stop();
      await tracer.shutdown(); // exports the spans still buffered
      await persisted.close();
      await limiter.close();
    },
  };
}
