/**
 * Verifies the token the gateway puts on every request to a bureau (or the region), with the
 * gateway's PUBLIC key only: signature with exactly the key's algorithm, `typ`, issuer, audience =
 * this subgraph, `exp` (bounded skew), a lifetime of at most 60 s, not issued in the future, and a
 * `jti` never seen before (replay). Any failure is a refusal with a reason that never repeats the
 * token.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { readForwardedCaller, type ForwardedCaller } from './ForwardedCaller.ts';
import type { GatewayPublicJwk } from './gatewayJwkSchema.ts';
import {
  GATEWAY_TOKEN_CLOCK_SKEW_S, GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_TYPE, MAX_GATEWAY_TOKEN_LIFETIME_S,
} from './gatewayTokenRules.ts';
import { SeenTokenIds } from './SeenTokenIds.ts';

/** Why a token was refused, as `extensions.reason` says it (stable, general: never the token). */
export type GatewayTokenRefusal =
  | 'malformed' | 'expired' | 'wrong-issuer' | 'wrong-audience' | 'wrong-type' | 'missing-claim' | 'bad-claim'
  | 'bad-signature' | 'algorithm-not-allowed' | 'lifetime-too-long' | 'issued-in-future' | 'replayed';

export type GatewayTokenCheck =
  | { readonly ok: true; readonly caller: ForwardedCaller }
  | { readonly ok: false; readonly reason: GatewayTokenRefusal; readonly message: string };

export interface GatewayTokenVerifier {
  verify(token: string): Promise<GatewayTokenCheck>;
}

export interface GatewayTokenVerifierOptions {
  readonly publicKey: GatewayPublicJwk;
  /**
   * This subgraph's audience: its bureau code, or 'region'. The gateway, taking its own tokens back
   * as callbacks, passes a function: every audience it accepts now.
   */
  readonly audience: string | (() => readonly string[]);
  /** For tests; epoch ms. */
  readonly now?: () => number;
  /**
   * Refuse a `jti` seen before (default true). Only the gateway turns it off, for its own region
   * tokens coming back as the region's callback credential: one region request may call back
   * several times within the token's life, and the token is still refused once it has expired.
   */
  readonly refuseReplays?: boolean;
}

const MAX_JTI_LENGTH = 128;

export function createGatewayTokenVerifier(options: GatewayTokenVerifierOptions): GatewayTokenVerifier {
  const { publicKey, audience, now = Date.now, refuseReplays = true } = options;
  const key: KeyObject = createPublicKey({ key: publicKey, format: 'jwk' }); // prepared once; a bad key fails at start
  const seen = new SeenTokenIds(now);
  const refuse = (reason: GatewayTokenRefusal, message: string): GatewayTokenCheck => ({ ok: false, reason, message });

  return {
    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: [publicKey.alg],
          typ: GATEWAY_TOKEN_TYPE,
          issuer: GATEWAY_TOKEN_ISSUER,
          audience: typeof audience === 'string' ? audience : [...audience()],
          requiredClaims: ['iat', 'exp', 'jti'],
          clockTolerance: GATEWAY_TOKEN_CLOCK_SKEW_S,
          currentDate: new Date(now()),
        }));
      } catch (error) {
        return refusalOf(error, typeof audience === 'string' ? audience : 'a subgraph of this gateway');
      }
      const { iat, exp, jti } = payload as { iat: number; exp: number; jti: unknown };
      if (exp - iat > MAX_GATEWAY_TOKEN_LIFETIME_S) {
        return refuse('lifetime-too-long', `The gateway token lives longer than ${MAX_GATEWAY_TOKEN_LIFETIME_S} s.`);
      }
      if (iat * 1000 > now() + GATEWAY_TOKEN_CLOCK_SKEW_S * 1000) return refuse('issued-in-future', 'The gateway token was issued in the future.');
      if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) return refuse('bad-claim', 'The gateway token has no usable "jti".');
      const caller = readForwardedCaller(payload);
      if (typeof caller === 'string') return refuse('bad-claim', `The gateway token's identity is malformed: ${caller}.`);
      // Recorded only once everything else holds, until the token could no longer pass `exp` anyway.
      if (refuseReplays && !seen.remember(jti, (exp + GATEWAY_TOKEN_CLOCK_SKEW_S) * 1000)) return refuse('replayed', 'The gateway token was already used.');
      return { ok: true, caller };
    },
  };
}

function refusalOf(error: unknown, audience: string): GatewayTokenCheck {
  const refuse = (reason: GatewayTokenRefusal, message: string): GatewayTokenCheck => ({ ok: false, reason, message });
  if (error instanceof joseErrors.JWTExpired) return refuse('expired', 'The gateway token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return refuse('missing-claim', `The gateway token has no "${error.claim}" claim.`);
    if (error.claim === 'aud') return refuse('wrong-audience', `The gateway token is not meant for ${audience}.`);
    if (error.claim === 'iss') return refuse('wrong-issuer', 'The gateway token is not issued by the gateway.');
    if (error.claim === 'typ') return refuse('wrong-type', 'The token is not a gateway token.');
    return refuse('bad-claim', `The gateway token's "${error.claim}" claim is wrong.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return refuse('algorithm-not-allowed', "The token is not signed with the gateway key's algorithm.");
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return refuse('bad-signature', 'The token is not signed by the gateway.');
  return refuse('malformed', 'The gateway token is malformed.');
}
