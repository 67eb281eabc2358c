/**
 * What every peer gateway (plain Apollo, plain Apollo + undici, Hive) is given, so they all serve the
 * same graph and ask the bureau the same thing: the supergraph of the region and ONE bureau, composed
 * with stock @apollo/composition, and a gateway token per subgraph request for the bench identity.
 *
 * Environment of a peer's process:
 * - BENCH_REGION_URL   the region subgraph
 * - BENCH_BUREAU_CODE  the bureau's code (names the subgraph, and is its tokens' audience)
 * - BENCH_BUREAU_URL   the bureau's subgraph (a real bureau or a record-replay one)
 * - BENCH_GATEWAY_SIGNING_KEY  the gateway key (private JWK) the subgraphs trust: like any gateway in
 *   front of them, a peer must sign each subgraph request, with the same signer as ours, for the same
 *   identity (BENCH_IDENTITY: what our gateway forwards for the bench caller). A peer verifies no
 *   caller token and enforces no field access: stock gateways do neither, and the bench says so.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { withoutAccessDirectives } from '../schema/accessPolicies.ts';
import { loadRegion } from '../schema/loadContract.ts';
import { BENCH_IDENTITY, benchSigner } from './benchTrust.ts';

export interface PeerSetup {
  readonly supergraphSdl: string;
  readonly regionUrl: string;
  readonly bureauCode: string;
  readonly bureauUrl: string;
  /** A fresh `Authorization` value for one request to `url` (the region's or the bureau's). */
  authorizationFor(url: string): string;
}

export async function preparePeer(): Promise<PeerSetup> {
  const regionUrl = requiredEnv('BENCH_REGION_URL');
  const bureauCode = requiredEnv('BENCH_BUREAU_CODE');
  const bureauUrl = requiredEnv('BENCH_BUREAU_URL');
  const sign = benchSigner(requiredEnv('BENCH_GATEWAY_SIGNING_KEY'));
  const authorizationFor = (url: string) => `Bearer ${sign(url === regionUrl ? 'region' : bureauCode, BENCH_IDENTITY)}`;
  const composed = composeServices([
    { name: 'region', typeDefs: loadRegion(), url: regionUrl },
    // Stock composition refuses the contract's access directives (it does not enforce them), so the peers compose without them.
    { name: `bureau_${bureauCode}`, typeDefs: withoutAccessDirectives(parse(await servedSdl(bureauUrl, authorizationFor(bureauUrl)))), url: bureauUrl },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  return { supergraphSdl: composed.supergraphSdl, regionUrl, bureauCode, bureauUrl, authorizationFor };
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function servedSdl(url: string, authorization: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not serve its SDL (HTTP ${res.status})`);
  return sdl;
}
