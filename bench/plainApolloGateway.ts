/**
 * The baseline: a plain @apollo/gateway with DEFAULT settings (default RemoteGraphQLDataSource and
 * its default fetcher) over a normally composed supergraph of the region and ONE bureau, served by
 * Apollo Server's standalone server. It is what a team would get by following Apollo's docs, so
 * the bench can say what our gateway costs or saves against it.
 *
 * Process entry: `tsx bench/plainApolloGateway.ts`, environment:
 * - BENCH_REGION_URL   the region subgraph
 * - BENCH_BUREAU_CODE  the bureau's code (names the subgraph)
 * - BENCH_BUREAU_URL   the bureau's subgraph; its SDL is read from its own `_service { sdl }`
 * Prints `plain-apollo-gateway ready at <url>`.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';
import { loadRegion } from '../schema/loadContract.ts';

// Nothing here may phone home (ARCHITECTURE.md "Traps"): must be set before the gateway exists.
process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

const regionUrl = required('BENCH_REGION_URL');
const bureauCode = required('BENCH_BUREAU_CODE');
const bureauUrl = required('BENCH_BUREAU_URL');

const composed = composeServices([
  { name: 'region', typeDefs: loadRegion(), url: regionUrl },
  { name: `bureau_${bureauCode}`, typeDefs: parse(await servedSdl(bureauUrl)), url: bureauUrl },
]);
if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);

const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }),
  // Only what keeps it offline; everything that affects speed stays at its default.
  plugins: [
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
  ],
});
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
// No signal handlers of our own: Apollo Server's defaults stop the server on SIGINT/SIGTERM and
// then re-raise the signal, which ends the process.
console.log(`plain-apollo-gateway ready at ${url}`);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function servedSdl(url: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not serve its SDL (HTTP ${res.status})`);
  return sdl;
}
