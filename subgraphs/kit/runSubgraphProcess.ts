/**
 * The life of one subgraph process: open its source, serve it (only to requests the gateway signed:
 * /graphql verifies the gateway's token, /health stays open as it carries no data), print its URL,
 * stop cleanly on SIGINT/SIGTERM. A setup failure (bad config, no gateway key, port in use, missing
 * data) prints one clear line and exits non-zero, which the launcher shows to the user.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { SubgraphConfig } from '../config/loadSubgraphConfig.ts';
import type { ErrorLogger } from './formatSubgraphError.ts';
import { CitySourceError } from './CitySourceError.ts';
import { limitErrorLogRate } from './limitErrorLogRate.ts';
import { serveApollo, type JsonRoute, type SignedRoute } from '../../schema/http/serveApollo.ts';
import { loadGatewayPublicKey } from '../config/loadGatewayPublicKey.ts';
import { authorizeGatewayRequest, type VerifiedGatewayRequest } from './admission/authorizeGatewayRequest.ts';
import { createGatewayTokenVerifier } from '../../schema/gateway-token/createGatewayTokenVerifier.ts';
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';

/** Exit code that tells the launcher "I printed why". */
export const EXIT_SETUP_FAILED = 78;

interface Source {
  health(): Promise<void>;
  close(): Promise<void>;
}

export interface SubgraphProcessSpec<S extends Source, C extends BaseContext> {
  readonly config: () => SubgraphConfig;
  readonly open: (config: SubgraphConfig) => Promise<S>;
  /**
   * `context` gets the caller the gateway's token vouches for, and the verified token itself (only
   * the region uses it: it forwards it when it calls the gateway back for the request).
   */
  readonly create: (source: S, log: ErrorLogger) => {
    apollo: ApolloServer<C>;
    context(caller: ForwardedCaller, gatewayToken: string, requestId: string): C;
    /** POST routes only the gateway's signed requests reach (a bureau's delivery protocol, its event stream). */
    signedRoutes?: Readonly<Record<string, SignedRoute<VerifiedGatewayRequest>>>;
    /** Called first on shutdown: ends long-held requests (event pulls) so the drain does not wait for them. */
    stop?(): void;
    /** The subgraph's own metrics, served at /metrics before the services' ones. */
    metrics?: Metrics;
  };
  /**
   * Services that run beside the subgraph (e.g. an HJ 212 ingest); closed before the source. Their
   * metrics, if any, are served at /metrics (open like /health: counters, no data). They get the
   * opened source (e.g. the ingest notifies its event log's appends).
   */
  readonly services?: (config: SubgraphConfig, source: S) => Promise<SideService | null>;
}

interface Metrics {
  readonly contentType: string;
  metrics(): Promise<string>;
}

interface SideService {
  close(): Promise<void>;
  readonly metrics?: Metrics;
}

export async function runSubgraphProcess<S extends Source, C extends BaseContext>(spec: SubgraphProcessSpec<S, C>): Promise<void> {
  try {
    const config = spec.config();
    // Before anything opens: a subgraph that cannot verify gateway tokens must not serve at all.
    const verifier = createGatewayTokenVerifier({ publicKey: loadGatewayPublicKey(config), audience: config.origin });
    const source = await spec.open(config);
    const services = await spec.services?.(config, source);
    // Rate-limited: a source that is down fails every query, and one line each would flood the log.
    const subgraph = spec.create(source, limitErrorLogRate(stderrLogger(config.origin)));
    const metrics = [subgraph.metrics, services?.metrics].filter((m) => m !== undefined);
    const running = await serveApollo({
      apollo: subgraph.apollo,
      authorize: authorizeGatewayRequest(verifier, config.origin),
      context: (_req, verified, requestId) => subgraph.context(verified.caller, verified.token, requestId),
      signedRoutes: subgraph.signedRoutes ?? {},
      routes: {
        '/health': healthRoute(config.name, source),
        ...(metrics[0] && { '/metrics': metricsRoute(metrics[0].contentType, metrics) }),
      },
      name: config.name,
      host: config.host,
      port: config.port,
    });
    console.log(`${config.name} ready at ${running.url}`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      subgraph.stop?.();
      await running.close();
      await services?.close();
      await source.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(EXIT_SETUP_FAILED);
  }
}

/**
 * How long /health waits for the data source: well below the gateway's health-check timeout (its
 * per-bureau `timeoutMs`, 3000 ms by default), so a hung source is reported as 503 in the same
 * recheck instead of the probe itself timing out.
 */
export const HEALTH_PROBE_TIMEOUT_MS = 1_000;

/** 200 when the subgraph's data source answers within HEALTH_PROBE_TIMEOUT_MS, 503 with the adapter's code when it does not. */
function healthRoute(name: string, source: Source): JsonRoute {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CitySourceError('CITY_SOURCE_TIMEOUT',
        `The data source did not answer the health check within ${HEALTH_PROBE_TIMEOUT_MS} ms.`, name)), HEALTH_PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([source.health(), deadline]);
      return { status: 200, body: { status: 'ok', name } };
    } catch (error) {
      const code = error instanceof CitySourceError ? error.code : 'UNHEALTHY';
      return { status: 503, body: { status: 'unavailable', name, code } };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Every registry's text, one after the other (Prometheus text format: distinct metric names may simply follow each other). */
function metricsRoute(contentType: string, metrics: readonly Metrics[]): JsonRoute {
  return async () => ({ status: 200, body: (await Promise.all(metrics.map((m) => m.metrics()))).join('\n'), contentType });
}

/** Errors of a running subgraph go to stderr as one JSON line each; never to clients. */
export function stderrLogger(origin: string): ErrorLogger {
  return (message, error) => {
    const detail = error instanceof Error
      ? { name: error.name, error: error.message, cause: error.cause instanceof Error ? error.cause.message : undefined }
      : error === undefined ? {} : { error: String(error) };
    process.stderr.write(`${JSON.stringify({ level: 'error', origin, message, ...detail })}\n`);
  };
}
