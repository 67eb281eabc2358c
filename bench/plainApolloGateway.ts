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
 * - BENCH_GATEWAY_SIGNING_KEY  the gateway key (private JWK) the subgraphs trust: like any gateway in
 *   front of them, this one must sign each subgraph request (a `willSendRequest`, the documented
 *   hook; the fetcher stays the default), with the same signer as ours, for the same identity
 *   (BENCH_IDENTITY: what our gateway forwards for the bench caller). It verifies no caller token and
 *   enforces no field access: that is what stock @apollo/gateway does, and the bench reports it so.
 * Prints `plain-apollo-gateway ready at <url>`.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';
import { loadRegion } from '../schema/loadContract.ts';
import { withoutAccessDirectives } from '../schema/accessPolicies.ts';
import { BENCH_IDENTITY, benchSigner } from './benchTrust.ts';

// Nothing here may phone home: Apollo's gateway sends telemetry unless this is set before it exists
// (as in gateway/server/createGateway.ts).
process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

const regionUrl = required('BENCH_REGION_URL');
const bureauCode = required('BENCH_BUREAU_CODE');
const bureauUrl = required('BENCH_BUREAU_URL');
const sign = benchSigner(required('BENCH_GATEWAY_SIGNING_KEY'));
const audienceOf = (subgraph: string) => (subgraph === 'region' ? 'region' : bureauCode);

const composed = composeServices([
  { name: 'region', typeDefs: loadRegion(), url: regionUrl },
  // Stock @apollo/gateway refuses the contract's access directives (it does not enforce them), so the baseline composes without them.
  { name: `bureau_${bureauCode}`, typeDefs: withoutAccessDirectives(parse(await servedSdl(bureauUrl))), url: bureauUrl },
]);
if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);

const server = new ApolloServer({
  gateway: new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({
      url,
      willSendRequest: ({ request }) => {
        request.http?.headers.set('authorization', `Bearer ${sign(audienceOf(name), BENCH_IDENTITY)}`);
      },
    }),
  }),
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
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sign(bureauCode, BENCH_IDENTITY)}` },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not serve its SDL (HTTP ${res.status})`);
  return sdl;
}
