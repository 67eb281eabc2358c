/**
 * The composition root of the gateway: only wiring (style AP1). Registry → shard engine →
 * data sources → Apollo Gateway → Apollo Server (request id, metrics, request log plugins) → HTTP edge with /livez, /readyz
 * and /metrics.
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
import { serveApollo, type RunningServer } from '../../subgraphs/kit/serveApollo.ts';
import { CITIES_SUBGRAPH, CITY_BROADCAST_SUBGRAPH, composeSupergraph } from '../composition/composeSupergraph.ts';
import type { GatewayConfig } from '../config/loadGatewayConfig.ts';
import { RegionDataSource } from '../datasources/RegionDataSource.ts';
import { ShardedCitiesDataSource } from '../datasources/ShardedCitiesDataSource.ts';
import { createGatewayMetrics, type GatewayMetrics } from '../plugins/GatewayMetrics.ts';
import { readRequestId, type GatewayContext } from '../plugins/GatewayContext.ts';
import { useMetrics } from '../plugins/useMetrics.ts';
import { useRequestId } from '../plugins/useRequestId.ts';
import { useRequestLogging } from '../plugins/useRequestLogging.ts';
import { CityRegistry } from '../registry/CityRegistry.ts';
import { createShardEngine } from '../shard-engine/index.ts';
import { PUBLIC_CALLER } from '../auth/Caller.ts';
import { maskGatewayError } from './maskGatewayError.ts';

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
  // Metrics read bureau state from the registry at scrape time; the registry is created just below.
  const metrics: GatewayMetrics = createGatewayMetrics(() => registry.readiness().cities);
  const registry = new CityRegistry({
    path: config.registryPath,
    recheckMs: config.recheckMs,
    contract: expandSubgraphSdl(contract),
    region: expandSubgraphSdl(regionTypeDefs),
    log,
    onCities: (codes) => (engine = engine.withCities(codes)),
    onRegionUrl: (url) => updateSupergraph?.(composeSupergraph({ typeDefs: regionTypeDefs, url }, contract)),
    observeSend: (outcome, durationMs) => metrics.observeCitySend(outcome, durationMs),
  });
  await registry.start();

  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl: composeSupergraph({ typeDefs: regionTypeDefs, url: registry.region.url }, contract) };
    },
    buildService: ({ name }) =>
      name === CITIES_SUBGRAPH || name === CITY_BROADCAST_SUBGRAPH
        ? new ShardedCitiesDataSource(() => engine, (fetch, headers) => registry.send(fetch, headers))
        : new RegionDataSource(() => registry.regionClient, registry.region.timeoutMs),
    __exposeQueryPlanExperimental: false, // query plans describe our internals: never to clients
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: maskGatewayError(log),
    // main.ts owns SIGINT/SIGTERM (drain HTTP, then stop). Apollo's own handler would call stop()
    // concurrently, and Apollo 5 never resolves a second stop() that waits on a first one: the
    // process then hangs on SIGTERM instead of exiting.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads Sandbox from a CDN and its reporting phones home.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Order: the request id goes on the response first, so it is there even if a later hook
      // throws; metrics and the log line then read the same final response (outcome, codes).
      useRequestId(),
      useMetrics(metrics),
      useRequestLogging(log),
    ],
  });

  let running: RunningServer;
  try {
    running = await serveApollo({
      apollo,
      context: (req) => ({
        requestId: readRequestId(req.headers['x-request-id']),
        caller: PUBLIC_CALLER,
        clientAddress: req.socket.remoteAddress ?? 'unknown',
      }),
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
      },
    });
  } catch (error) {
    await registry.stop();
    throw error;
  }
  return {
    url: running.url,
    registry,
    async close() {
      await running.close(); // drains in-flight requests, then stops Apollo (and the gateway)
      await registry.stop();
    },
  };
}
