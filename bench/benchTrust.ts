/**
 * The keys and the caller of one bench run (all in its work folder):
 * - the gateway key pair: subgraphs trust its public half, the gateways sign with its private half,
 *   and where the bench itself calls a bureau directly (the `direct` target, probes) it signs a fresh
 *   token per request, as a gateway would;
 * - a development caller-token issuer (devtools/dev-keys/devIssuer.ts) that our gateway trusts, and one
 *   caller token from it, sent on every request to a gateway target.
 * The bench caller is an analyst with `cases:read` only (what the measured queries need) and no
 * bureau, and BENCH_IDENTITY is exactly what our gateway forwards for it: the direct target and the
 * plain Apollo Gateway sign that same identity, so every target asks the bureau the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devIssuerEnv, ensureDevIssuer, signDevToken, type DevTokenClaims } from '../devtools/dev-keys/devIssuer.ts';
import { createBureauTokenSigner, withGatewayToken, type BureauTokenSigner } from '../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { ensureGatewayKeyPair } from '../devtools/dev-keys/ensureGatewayKeyPair.ts';
import { GATEWAY_SERVICE_IDENTITY, type OutgoingIdentity } from '../gateway/bureau-tokens/OutgoingIdentity.ts';
import { gatewayPrivateJwkSchema } from '../schema/gateway-token/gatewayJwkSchema.ts';

const BENCH_SUBJECT = 'bench-analyst';
const BENCH_SCOPE = 'cases:read';
/** Longer than any bench run (six targets at --duration 600 would take about an hour). */
const CALLER_TOKEN_TTL_S = 24 * 3_600;

export const BENCH_IDENTITY: OutgoingIdentity = Object.freeze({
  role: 'authenticated',
  subject: BENCH_SUBJECT,
  bureau: null,
  scopes: new Set([BENCH_SCOPE]),
  jurisdiction: null,
});

export interface BenchTrust {
  /** For the region and bureaus. */
  readonly subgraphEnv: Readonly<Record<string, string>>;
  /** For our gateway: its signing key and development mode trusting the bench issuer. */
  readonly gatewayEnv: Readonly<Record<string, string>>;
  readonly privateKeyPath: string;
  /** The gateway's public JWK file (what the subgraphs and the record-replay bureaus verify with). */
  readonly publicKeyPath: string;
  /** `Authorization` with the bench caller's token: the same on every request to a gateway target. */
  readonly callerHeaders: Readonly<Record<string, string>>;
  /** Fresh headers (a new gateway token for BENCH_IDENTITY) for one request to `audience` (a bureau code or 'region'). */
  headersFor(audience: string): Record<string, string>;
  /** Fresh headers speaking as the gateway itself (its relay's identity) to bureau `audience`. */
  gatewayHeadersFor(audience: string): Record<string, string>;
  /** `Authorization` with a token of the bench issuer for other claims (the cooperation part's officers). */
  callerHeadersFor(claims: DevTokenClaims): Promise<Record<string, string>>;
}

export async function prepareBenchTrust(workDir: string): Promise<BenchTrust> {
  const keyDir = join(workDir, 'keys');
  const { privateKeyPath, publicKeyPath } = ensureGatewayKeyPair(keyDir);
  const sign = benchSigner(privateKeyPath);
  const issuer = await ensureDevIssuer(workDir); // <workDir>/keys/dev-issuer.*
  const callerToken = await signDevToken(issuer, { sub: BENCH_SUBJECT, scope: BENCH_SCOPE }, CALLER_TOKEN_TTL_S);
  return {
    subgraphEnv: { ECOGRAPH_GATEWAY_PUBLIC_KEY: publicKeyPath },
    gatewayEnv: { ECOGRAPH_GATEWAY_SIGNING_KEY: privateKeyPath, ...devIssuerEnv(issuer) },
    privateKeyPath,
    publicKeyPath,
    callerHeaders: { authorization: `Bearer ${callerToken}` },
    headersFor: (audience) => withGatewayToken(sign, audience, BENCH_IDENTITY),
    gatewayHeadersFor: (audience) => withGatewayToken(sign, audience, GATEWAY_SERVICE_IDENTITY),
    callerHeadersFor: async (claims) => ({ authorization: `Bearer ${await signDevToken(issuer, claims, CALLER_TOKEN_TTL_S)}` }),
  };
}

/** The gateway's own signer over the private JWK at `path` (the plain Apollo Gateway uses it too). */
export function benchSigner(privateKeyPath: string): BureauTokenSigner {
  return createBureauTokenSigner(gatewayPrivateJwkSchema.parse(JSON.parse(readFileSync(privateKeyPath, 'utf8'))));
}
