/**
 * The composition root of the gateway: only wiring, so that every part stays testable on its own.
 * Registry (which owns the shard engine and the subgraph clients) → data sources → Apollo Gateway →
 * Apollo Server (metrics, request log, tracing, limits plugins) → HTTP edge with /livez, /readyz,
 * /metrics and the analysts' IDE (/, /graphiql, /ide/assets/), and the subscriptions (gateway/live/:
 * graphql-sse at /graphql/stream, graphql-ws on upgrades of /graphql) over the EventHub. State lives
 * in the objects made here, never in this function.
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
import { SHARD_ENGINE_SUBGRAPHS } from '../composition/composeSupergraph.ts';
import { registrySupergraph } from '../composition/registrySupergraph.ts';
import type { GatewayConfig } from '../config/loadGatewayConfig.ts';
import { RegionDataSource } from '../datasources/RegionDataSource.ts';
import { ShardedCitiesDataSource } from '../datasources/ShardedCitiesDataSource.ts';
import { createGatewayMetrics } from '../plugins/GatewayMetrics.ts';
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
import { boardRoutes } from '../board/serveBoard.ts';
import { createBureauTokenSigner } from '../bureau-tokens/createBureauTokenSigner.ts';
import { signAhead } from '../bureau-tokens/signAhead.ts';
import { createRegionCallbackVerifier } from '../bureau-tokens/createRegionCallbackVerifier.ts';
import { createDeliveryRelay } from '../cooperation/createDeliveryRelay.ts';
import { deliveryBackoff } from '../cooperation/deliveryBackoff.ts';
import { createEventHub } from '../events/createEventHub.ts';
import type { EventHub } from '../events/EventHub.ts';
import { maskGatewayError } from './maskGatewayError.ts';
import { createRateLimiter } from '../ratelimit/createRateLimiter.ts';
import { createRateLimitGuard } from '../ratelimit/createRateLimitGuard.ts';
import { createRequestContext } from './createRequestContext.ts';
import { ShutdownList } from './ShutdownList.ts';
import { readShardingPolicies } from '../../schema/shardingPolicies.ts';
import { splitBroadcastFields } from '../composition/splitBroadcastFields.ts';
import { createOperationLimitsRule } from '../limits/createOperationLimitsRule.ts';
import { restoreLimitCode } from '../limits/restoreLimitCode.ts';
import { knownOperationTypesRule } from '../limits/knownOperationTypesRule.ts';
import { createOperationCheck, useOperationLimits } from '../limits/useOperationLimits.ts';
import { createPersistedQueryStore } from '../persisted/createPersistedQueryStore.ts';
import { useSafelist } from '../persisted/useSafelist.ts';
import { createCallerGate } from '../callers/createCallerGate.ts';
import { LiveSchemaGateway } from '../live/LiveSchemaGateway.ts';
import { refuseSubscriptionsOverPost } from '../live/refuseSubscriptionsOverPost.ts';
import { createLiveServer } from '../live/createLiveServer.ts';
import { createGraphRunner } from '../live/createGraphRunner.ts';
import { NO_EVENT_HUB } from '../live/noEventHub.ts';
import { createLiveContext } from './createLiveContext.ts';
import { KnownOperations } from '../known-operations/KnownOperations.ts';
import { ShortcutGateway } from '../known-operations/ShortcutGateway.ts';
import { recordKnownOperations } from '../known-operations/recordKnownOperations.ts';
import { createKnownOperationPath } from '../known-operations/createKnownOperationPath.ts';
import { observeRequest } from '../plugins/useMetrics.ts';
import { requestLogLine } from '../plugins/useRequestLogging.ts';

export type GatewayLog = (event: Record<string, unknown>) => void;

/** What the gateway is given rather than makes (seams for the process entry and tests). */
export interface GatewaySeams {
  /**
   * The fan-in of the bureaus' event streams the subscriptions read, made once the registry exists
   * (it knows the bureaus and signs the gateway's requests to them); closed with the gateway.
   * @default a hub that follows no bureau (subscriptions stay quiet, bureauStatusChanged still works)
   */
  readonly eventHub?: (registry: CityRegistry) => EventHub;
}

export interface RunningGateway {
  readonly url: string;
  readonly registry: CityRegistry;
  /** Every bureau's event stream, fanned in (gateway/events/); null when ECOGRAPH_EVENT_STREAMS=false. */
  readonly events: EventHub | null;
  close(): Promise<void>;
}

export async function createGateway(config: GatewayConfig, log: GatewayLog, seams: GatewaySeams = {}): Promise<RunningGateway> {
  // Everything opened is listed as it is opened, and closed in reverse, on a failed start or on close().
  const shutdown = new ShutdownList();
  return wireGateway(config, log, shutdown, seams).catch(async (error: unknown) => {
    // The start's own error is the one to report; a failure while closing is only logged.
    await shutdown.close().catch((closing: unknown) => log({ level: 'error', msg: 'closing after a failed start', detail: String(closing) }));
    throw error;
  });
}

async function wireGateway(config: GatewayConfig, log: GatewayLog, shutdown: ShutdownList, seams: GatewaySeams): Promise<RunningGateway> {
  // Apollo's gateway phones home and probes cloud metadata addresses unless this is set before it
  // is constructed. Nothing here may leave the machine's network.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

  // Kept for the gateway's life, never asked for positions: without locations (~3 MB less).
  const contract = loadContract({ noLocation: true });
  const regionTypeDefs = loadRegion({ noLocation: true });
  // Off unless ECOGRAPH_OTEL_ENDPOINT is set: then spans of requests and their bureau fetches.
  const tracer = shutdown.add(await createTracer(config.telemetry), (t) => t.shutdown()); // closed last: exports the buffered spans
  // Metrics read bureau state from the registry at scrape time; the registry is created just below.
  const metrics = createGatewayMetrics({
    bureaus: () => registry.readiness().cities,
    outboxes: () => relay && { figures: relay.outboxFigures, now: Date.now },
    eventStreams: () => events,
    live: () => live.figures(),
    statusWatchers: () => registry.cityStatusWatchers,
  });
  const registry = shutdown.add(new CityRegistry({
    path: config.registryPath,
    recheckMs: config.recheckMs,
    contract: expandSubgraphSdl(contract),
    region: expandSubgraphSdl(regionTypeDefs),
    log,
    // The key is prepared once; each token is one signature, made ahead for a caller who keeps asking.
    signer: signAhead(createBureauTokenSigner(config.signingKey)),
    engine: createShardEngine({
      contract,
      cities: [], // the registry serves it over the enabled bureaus
      onUnexpectedError: (error) => log({ level: 'error', msg: 'shard engine', detail: (error as Error).message }),
    }),
    observeSend: (outcome, durationMs) => {
      metrics.observeCitySend(outcome, durationMs);
      tracer.observeCitySend(outcome, durationMs);
    },
    // Identical queries in flight share one bureau request (ECOGRAPH_DEDUPE_BUREAU_REQUESTS, on by default).
    dedupe: config.dedupeBureauRequests,
    observeShared: (city) => metrics.observeSharedSend(city),
  }), (r) => r.stop());
  await registry.start();
  // The cooperation relay: carries each bureau's outbox messages to the recipients' inboxes (every
  // replica runs one; the inboxes make that safe). Stopped before the registry closes its clients.
  const relay = config.relay && shutdown.add(createDeliveryRelay({
    targets: () => registry.relayTargets(),
    intervalMs: config.relay.intervalMs,
    backoff: config.relay.backoff,
    log,
    watchBureauStatus: (listener) => registry.watchCityStatus(listener), // a bureau back up is retried at once
  }), (r) => r.stop());
  relay?.start();
  // Every bureau's event stream (subscriptions read the hub): one follower per enabled bureau,
  // re-matched on registry edits, each pulling through the registry's clients as the gateway itself.
  // Closed before the registry closes those clients.
  const streams = config.events;
  const events = streams && shutdown.add(createEventHub({
    bureaus: () => registry.followedBureaus(),
    watchBureaus: (listener) => registry.watchCities(listener),
    waitMs: streams.waitMs,
    retryDelay: (failures) => deliveryBackoff(failures, streams.backoff), // the relay's backoff, reused
    log,
  }), (hub) => hub.close());
  // APQ: the safelist's documents, else shared through Redis (memory while it is down), else Apollo's memory cache.
  const persisted = shutdown.add(await createPersistedQueryStore({ safelist: config.persistedQueries.safelist, redisUrl: config.redisUrl }, log), (p) => p.close());
  // Per caller (token subject, else address), shared through Redis when configured (memory while it is down).
  const limiter = shutdown.add(await createRateLimiter({ windowMs: config.rateLimits.windowMs, redisUrl: config.redisUrl }, log), (l) => l.close());

  // The request pipeline, in order; each stage refuses before the next one costs anything:
  //   1. token       the caller's bearer token → Caller (401)              requestContext, at the HTTP edge
  //   2. rate limit  per caller, else per address (429 + Retry-After)      requestContext
  //   3. limits      the safelist, then introspection, depth and cost      the plugins useSafelist, useOperationLimits
  //   4. access      the contract's @authenticated / @requiresScopes       AccessControlledGateway
  //   5. plan        Apollo's query planner → the region and the shard engine (through the registry)
  const { limits } = config;
  const gate = createCallerGate(
    // The region (and a bureau addressing an incident's notices) calls back with the gateway's own token of
    // the request it serves: that request's caller.
    createCallerAuthenticator(config.callerTokens, log, createRegionCallbackVerifier(config.signingKey, { bureaus: () => registry.engine.cities })),
    createRateLimitGuard(limiter, config.rateLimits, (caller) => metrics.rateLimited.inc({ role: caller.role })),
  );
  const requestContext = createRequestContext({
    gate,
    trustedProxies: config.trustedProxies,
    // One deadline a request's fetches share; by default the longest subgraph deadline, so no
    // single fetch gets less than its own, while a chain of fetches cannot add theirs up.
    deadlineMs: () => config.requestDeadlineMs ?? registry.longestTimeoutMs(),
  });
  const policies = readShardingPolicies(contract);
  const { broadcastFields } = splitBroadcastFields(contract);
  const checkLimits = createOperationCheck({ limits, publicIntrospection: config.publicIntrospection, policies, broadcastFields, servedCities: () => registry.engine.cities });
  const limitPlugins = [
    config.persistedQueries.safelist && useSafelist(config.persistedQueries.safelist, limits, log),
    useOperationLimits(checkLimits),
  ];
  const planner = new ApolloGateway({
    supergraphSdl: registrySupergraph(registry, regionTypeDefs, contract),
    buildService: ({ name }) =>
      SHARD_ENGINE_SUBGRAPHS.has(name)
        ? traceWithinRequest(new ShardedCitiesDataSource(() => registry.engine, (fetch, outgoing) => registry.send(fetch, outgoing)), tracer)
        : new RegionDataSource((body, outgoing) => registry.sendToRegion(body, outgoing)),
    __exposeQueryPlanExperimental: false, // query plans describe our internals: never to clients
  });

  const maskError = maskGatewayError(log);
  // The public schema is Apollo's API schema plus the gateway's Subscription root (schema/live.graphql).
  const publicSchema = new LiveSchemaGateway(new AccessControlledGateway(planner, readAccessPolicies(contract)));
  // Queries Apollo has answered before skip its pipeline (gateway/known-operations/).
  const known = config.knownOperationPath ? new KnownOperations() : null;
  const shortcutGateway = new ShortcutGateway(publicSchema);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: shortcutGateway,
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
    // gateway.main.ts owns SIGINT/SIGTERM (drain HTTP, then stop). Apollo's own handler would call stop()
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
      // Before planning, in this order (the first refusal wins): a subscription (served by gateway/live/,
      // not by Apollo's gateway), the safelist, then introspection and cost.
      refuseSubscriptionsOverPost(),
      ...limitPlugins,
      known && recordKnownOperations(known),
    ].filter((plugin) => plugin !== null),
  });

  // Subscriptions: each event is resolved through `apollo` as its subscriber, like a query. They read
  // the hub following the bureaus (a seam's hub instead when given; a quiet one when streams are off).
  const hub = seams.eventHub ? shutdown.add(seams.eventHub(registry), (h) => h.close()) : (events ?? NO_EVENT_HUB);
  const live = createLiveServer({
    hub,
    schema: () => publicSchema.schema,
    open: createLiveContext(gate, config.trustedProxies),
    runGraphQuery: createGraphRunner(apollo, () => config.requestDeadlineMs ?? registry.longestTimeoutMs()),
    watchCityStatus: (listener) => registry.watchCityStatus(listener),
    maxSubscriptionsPerCaller: config.maxSubscriptionsPerCaller,
    limits, policies, broadcastFields,
    servedCities: () => registry.engine.cities,
    log,
  });
  const ide = ideRoutes();
  const board = boardRoutes();
  const running = shutdown.add(await serveApollo({
    apollo,
    context: (req, _identity, requestId, signal) => requestContext(req, requestId, signal),
    ...(known && {
      shortcut: createKnownOperationPath({
        known,
        gateway: shortcutGateway,
        check: checkLimits,
        executing: (context) => tracer.startRequest(context, context.requestId),
        answered: (context, outcome, durationMs) => {
          metrics.documentCacheHits.inc();
          metrics.knownOperationRequests.inc();
          observeRequest(metrics, outcome, durationMs / 1000);
          tracer.endRequest(context, outcome);
          log(requestLogLine(context.requestId, outcome, durationMs));
        },
      }),
    }),
    name: 'gateway',
    ...(config.cors === null ? {} : { cors: config.cors }), // browsers on other origins (ECOGRAPH_CORS_*)
    host: config.host,
    port: config.port,
    routes: {
      '/livez': async () => ({ status: 200, body: { status: 'alive' } }),
      '/readyz': async () => {
        const readiness = registry.readiness();
        // Event streams are shown, never a reason for 503: a retrying stream does not stop queries.
        return { status: readiness.ready ? 200 : 503, body: { ...readiness, ...(events && { eventStreams: events.status() }) } };
      },
      '/metrics': async () => ({ status: 200, body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
      ...ide.routes, // the analysts' IDE at / and /graphiql
      ...board.routes, // the situation board (态势一张图) at /board
    },
    prefixRoutes: { ...ide.prefixRoutes, ...board.prefixRoutes },
    streamRoutes: live.streamRoutes,
    upgrades: live.upgrades,
  }), (r) => r.close()); // drains in-flight requests, then stops Apollo (and the gateway)
  shutdown.add(live, (l) => l.close()); // closed first: open streams and sockets would hold the drain
  return { url: running.url, registry, events, close: () => shutdown.close() };
}
