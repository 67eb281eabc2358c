/**
 * Where the gateway is, for the subgraphs that call it back with the gateway token of the request they
 * serve: the region (Section.assessment, CompensationAgreement.settlement) and every bureau (an
 * incident's recipients from the region's rivers and sections). The only code that reads it from the
 * environment:
 * - ECOGRAPH_GATEWAY_URL                the gateway's GraphQL endpoint (default http://127.0.0.1:<port>/graphql,
 *   <port> being ECOGRAPH_GATEWAY_PORT when `npm start` runs the gateway on another port, else 4000)
 * - ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS  deadline of one call (default 2500 ms: below the gateway's
 *   default 3000 ms deadline for the region, so a slow bureau is reported by the region, clearly,
 *   before the gateway gives up on the region altogether)
 */
import { ConfigError } from './loadSubgraphConfig.ts';

export interface GatewayLink {
  readonly url: string;
  readonly timeoutMs: number;
}

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';
export const DEFAULT_GATEWAY_TIMEOUT_MS = 2_500;

type Env = Readonly<Record<string, string | undefined>>;

export function loadGatewayLink(env: Env = process.env): GatewayLink {
  const port = Number(env['ECOGRAPH_GATEWAY_PORT']);
  const url = env['ECOGRAPH_GATEWAY_URL'] || (Number.isInteger(port) && port > 0 ? `http://127.0.0.1:${port}/graphql` : DEFAULT_GATEWAY_URL);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new ConfigError('ECOGRAPH_GATEWAY_URL must be an http(s) URL.');
  const raw = env['ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS'];
  const timeoutMs = raw === undefined || raw === '' ? DEFAULT_GATEWAY_TIMEOUT_MS : Number(raw);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 60_000) {
    throw new ConfigError(`ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS must be an integer from 50 to 60000, got "${raw}".`);
  }
  return Object.freeze({ url, timeoutMs });
}
