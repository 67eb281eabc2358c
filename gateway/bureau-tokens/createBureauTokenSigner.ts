/**
 * Signs the short-lived token that goes on every request the gateway sends to a bureau or the
 * region (rules: schema/gateway-token/gatewayTokenRules.ts): `aud` = that subgraph, 30 s lifetime, a
 * fresh `jti`, and the identity it speaks for. One token per HTTP request, so no `jti` repeats.
 *
 * Signed with node:crypto, synchronously, from a key object prepared once: measured at about a
 * quarter of jose's async SignJWT cost (WebCrypto round trips), and a fan-out signs once per
 * bureau. The output is a plain compact JWS that jose (and any JOSE library) verifies.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { GatewayPrivateJwk } from '../../schema/gateway-token/gatewayJwkSchema.ts';
import {
  GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_LIFETIME_S, GATEWAY_TOKEN_TYPE, type GatewayTokenClaims,
} from '../../schema/gateway-token/gatewayTokenRules.ts';
import type { OutgoingIdentity } from './OutgoingIdentity.ts';
import { memoizePerCaller } from '../request/memoizePerCaller.ts';

/** A signed compact JWS for `audience` (a bureau code or 'region') speaking for `identity`. */
export type BureauTokenSigner = (audience: string, identity: OutgoingIdentity) => string;

export interface BureauTokenSignerOptions {
  /** For tests: epoch ms. */
  readonly now?: () => number;
  /** For tests only (the verifier's lifetime rule); bureaus refuse anything above 60 s. */
  readonly lifetimeS?: number;
}

export function createBureauTokenSigner(jwk: GatewayPrivateJwk, options: BureauTokenSignerOptions = {}): BureauTokenSigner {
  const { now = Date.now, lifetimeS = GATEWAY_TOKEN_LIFETIME_S } = options;
  const key: KeyObject = createPrivateKey({ key: jwk, format: 'jwk' });
  const header = encode({ alg: jwk.alg, kid: jwk.kid, typ: GATEWAY_TOKEN_TYPE });
  // ES256 signatures are the raw r||s pair in JWS (RFC 7515 A.3), not DER; Ed25519 takes no digest.
  const signWith = jwk.alg === 'ES256'
    ? (data: Buffer) => sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
    : (data: Buffer) => sign(null, data, key);

  // The claims are JSON.stringify of GatewayTokenClaims, byte for byte, in its key order; what does
  // not change per token (the issuer, and the identity's claims: identities are frozen and reused,
  // one per verified caller token) is serialised once, and only iat, exp and the jti per token.
  const issuer = `{"iss":${JSON.stringify(GATEWAY_TOKEN_ISSUER)},"aud":`;
  const identityClaimsOf = memoizePerCaller((identity: OutgoingIdentity) => JSON.stringify(identityClaims(identity)).slice(1));

  return (audience, identity) => {
    const iat = Math.floor(now() / 1000);
    const claims = `${issuer}${JSON.stringify(audience)},"iat":${iat},"exp":${iat + lifetimeS},"jti":"${randomUUID()}",${identityClaimsOf(identity)}`;
    const signingInput = `${header}.${Buffer.from(claims).toString('base64url')}`;
    return `${signingInput}.${signWith(Buffer.from(signingInput)).toString('base64url')}`;
  };
}

/** The claims a bureau reads the caller from, in GatewayTokenClaims' order (after iss … jti). */
function identityClaims(identity: OutgoingIdentity): Omit<GatewayTokenClaims, 'iss' | 'aud' | 'iat' | 'exp' | 'jti'> {
  return {
    role: identity.role,
    ...(identity.subject !== null && identity.role !== 'public' && { sub: identity.subject }),
    ...(identity.bureau !== null && identity.role !== 'public' && { bureau: identity.bureau }),
    scope: [...identity.scopes].join(' '),
    ...(identity.jurisdiction !== null && { jurisdiction: [...identity.jurisdiction] }),
  };
}

/** `headers` plus `Authorization: Bearer` with a token signed now for `audience`, speaking for `identity`. */
export function withGatewayToken(
  sign: BureauTokenSigner,
  audience: string,
  identity: OutgoingIdentity,
  headers: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { ...headers, authorization: `Bearer ${sign(audience, identity)}` };
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
