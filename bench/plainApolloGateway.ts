/**
 * The baseline: a plain @apollo/gateway over a normally composed supergraph of the region and ONE
 * bureau (bench/peerSupergraph.ts), served by Apollo Server's standalone server. It is what a team
 * would get by following Apollo's docs, so the bench can say what our gateway costs or saves
 * against it. Two variants, by BENCH_FETCHER:
 * - `default`: DEFAULT settings: the default RemoteGraphQLDataSource and its default fetcher;
 * - `undici`: the same with a `fetcher` built on undici's `request` (bench/undiciFetcher.ts), the
 *   first thing a user tuning Apollo's gateway would change.
 * Each subgraph request gets a gateway token (a `willSendRequest`, the documented hook).
 *
 * Process entry: `tsx bench/plainApolloGateway.ts`, environment as in bench/peerSupergraph.ts plus
 * BENCH_FETCHER. Prints `plain-apollo-gateway ready at <url>`.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { preparePeer } from './peerSupergraph.ts';
import { undiciFetcher } from './undiciFetcher.ts';

// Nothing here may phone home: Apollo's gateway sends telemetry unless this is set before it exists
// (as in gateway/server/createGateway.ts).
process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

const fetcherKind = process.env['BENCH_FETCHER'] ?? 'default';
if (fetcherKind !== 'default' && fetcherKind !== 'undici') throw new Error(`BENCH_FETCHER must be default or undici, got ${fetcherKind}`);
const peer = await preparePeer();

const server = new ApolloServer({
  gateway: new ApolloGateway({
    supergraphSdl: peer.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({
      url,
      ...(fetcherKind === 'undici' && { fetcher: undiciFetcher }),
      willSendRequest: ({ request }) => {
        if (request.http) request.http.headers.set('authorization', peer.authorizationFor(request.http.url));
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
