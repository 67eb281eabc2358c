/**
 * A peer: Hive Gateway (@graphql-hive/gateway-runtime, the engine behind the `hive-gateway` CLI)
 * with the Rust query planner (@graphql-hive/router-runtime's `unifiedGraphHandler`), over the same
 * supergraph as the plain Apollo peers (bench/peerSupergraph.ts), one process on Node's HTTP server.
 * Two variants, by BENCH_HIVE_DEDUP:
 * - `on`: as shipped: identical in-flight subgraph queries are sent once and the answer shared;
 * - `off`: the documented switch (`deduplicateInflightRequests: false` on the HTTP transport).
 * Each subgraph request gets a gateway token in an `onFetch` hook (after deduplication, so one
 * shared request carries one token, as a bureau requires).
 *
 * Offline: no usage reporting (none is configured, and the supergraph is a string, not GraphOS or
 * the Hive CDN), no landing page, no GraphiQL (its page would load assets from a CDN).
 *
 * Process entry: `tsx bench/hiveGateway.ts`, environment as in bench/peerSupergraph.ts plus
 * BENCH_HIVE_DEDUP. Prints `hive-gateway ready at <url>`.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preparePeer, requiredEnv } from './peerSupergraph.ts';

/**
 * The little of Hive's API used here, typed locally: Hive's own typings pull in graphql-yoga's, which
 * widen `GraphQLErrorExtensions.http` for the whole program and break type checks of the gateway's
 * code (whose `http.headers` is Apollo Server's HeaderMap). Loading the modules by a non-literal
 * name keeps their typings out of this project.
 */
interface OnFetchPayload {
  readonly url: string;
  readonly options: { readonly headers?: unknown };
  setOptions(options: Record<string, unknown>): void;
}
interface HiveGatewayRuntime extends RequestListener {
  dispose(): Promise<void> | void;
}
interface HiveRuntimeModule {
  createGatewayRuntime(config: Record<string, unknown>): HiveGatewayRuntime;
}
const RUNTIME: string = '@graphql-hive/gateway-runtime';
const RUST_PLANNER: string = '@graphql-hive/router-runtime';
const { createGatewayRuntime } = (await import(RUNTIME)) as HiveRuntimeModule;
const { unifiedGraphHandler } = (await import(RUST_PLANNER)) as { unifiedGraphHandler: unknown };

const dedup = requiredEnv('BENCH_HIVE_DEDUP');
if (dedup !== 'on' && dedup !== 'off') throw new Error(`BENCH_HIVE_DEDUP must be on or off, got ${dedup}`);
const peer = await preparePeer();

const signRequests = {
  onFetch({ url, options, setOptions }: OnFetchPayload) {
    setOptions({ ...options, headers: { ...(options.headers as Record<string, string> | undefined), authorization: peer.authorizationFor(url) } });
  },
};

const gateway = createGatewayRuntime({
  supergraph: peer.supergraphSdl,
  unifiedGraphHandler,
  plugins: () => [signRequests],
  ...(dedup === 'off' && { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }),
  logging: 'error',
  landingPage: false,
  graphiql: false,
});

const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`hive-gateway ready at http://127.0.0.1:${port}/graphql`);
});
const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
