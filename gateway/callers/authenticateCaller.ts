/**
 * The HTTP edge of caller authentication: the `Authorization` header of a request → its Caller.
 * No header = the public role; a header that does not prove a caller refuses the whole request
 * (HTTP 401, `WWW-Authenticate: Bearer error="invalid_token"`, code UNAUTHENTICATED) rather than
 * silently serving it as public, so a client with a broken token finds out.
 *
 * Two kinds of bearer token, told apart by the header's `typ` (or, failing that, `iss`) before any
 * verifier runs: a caller's JWT from the configured issuer, or the gateway's own token for the
 * region (`typ` gateway+jwt, `iss` ecograph-gateway, `aud` region), which the region forwards when
 * it calls back for bureau data on behalf of the request it serves. The latter proves the caller the
 * gateway vouched for (gateway/bureau-tokens/createRegionCallbackVerifier.ts); any other gateway token (a
 * bureau's audience, another key, expired, the gateway's own service identity) proves nothing.
 */
import { HeaderMap } from '@apollo/server';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, type JWTVerifyGetKey } from 'jose';
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { CallerTokenConfig } from '../config/readCallerTokenConfig.ts';
import type { GatewayTokenVerifier } from '../../schema/gateway-token/createGatewayTokenVerifier.ts';
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';
import { GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_TYPE } from '../../schema/gateway-token/gatewayTokenRules.ts';
import { PUBLIC_CALLER, type Caller } from '../request/Caller.ts';
import { createCachedTokenVerifier, type TokenCacheOptions } from './createCachedTokenVerifier.ts';
import { refusal, type TokenVerification } from './verifyCallerToken.ts';

/**
 * Who asks, and how it was proved: `none` = no token (the public role), `caller-token` = a caller's
 * JWT, `region-callback` = the region calling back with the gateway token of the request it serves
 * (`caller` is that request's caller; the rate limit treats it apart, createRateLimitGuard.ts).
 */
export interface Authentication {
  readonly caller: Caller;
  readonly via: 'none' | 'caller-token' | 'region-callback';
  /** Epoch ms when the proof stops holding (the caller token's `exp`); null = no token. Subscriptions end then. */
  readonly expiresAt?: number | null;
}

export type CallerAuthenticator = (authorization: string | undefined) => Promise<Authentication>;

/** A remote key set is fetched on the first token, then cached; a lookup waits at most this long. */
const REMOTE_KEYS_TIMEOUT_MS = 5_000;
/** An unknown `kid` refetches the remote set, but not more often than this (a flood of forged kids cannot hammer the issuer). */
const REMOTE_KEYS_COOLDOWN_MS = 30_000;
const REMOTE_KEYS_MAX_AGE_MS = 10 * 60_000;

/**
 * Builds the authenticator once per gateway. Nothing is fetched here: a remote key set is first
 * fetched when the first token arrives.
 */
export function createCallerAuthenticator(
  config: CallerTokenConfig | null,
  log: (event: Record<string, unknown>) => void,
  /** Verifies the gateway's own region tokens coming back (createRegionCallbackVerifier); null = none accepted. */
  regionCallback: GatewayTokenVerifier | null = null,
  /** Bounds of the verified-token cache, and its clock (createCachedTokenVerifier.ts). */
  tokenCache: TokenCacheOptions = {},
): CallerAuthenticator {
  const keys: JWTVerifyGetKey | null = config === null
    ? null
    : config.keys.kind === 'file'
      ? createLocalJWKSet(config.keys.jwks as Parameters<typeof createLocalJWKSet>[0])
      : createRemoteJWKSet(config.keys.url, {
          timeoutDuration: REMOTE_KEYS_TIMEOUT_MS,
          cooldownDuration: REMOTE_KEYS_COOLDOWN_MS,
          cacheMaxAge: REMOTE_KEYS_MAX_AGE_MS,
        });
  // Each token is verified once until it expires; a rotated key set drops what it verified.
  const verify = keys === null || config === null ? null : createCachedTokenVerifier(keys, config, tokenCache);
  const refuse = (reason: string, message: string): never => {
    // The reason only: never the token, nor any claim from it.
    log({ level: reason === 'key-set-unavailable' ? 'warn' : 'info', msg: 'caller token refused', reason });
    throw tokenRefusedError(reason, message);
  };
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return { caller: PUBLIC_CALLER, via: 'none' };
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(authorization);
    // A caller token verified before is answered without decoding it again to tell its kind.
    const known = match && verify !== null ? await verify.remembered(match[1]!) : null;
    if (known !== null) return { caller: known.caller, via: 'caller-token', expiresAt: known.expiresAt };
    if (match && regionCallback !== null && isGatewayToken(match[1]!)) {
      const check = await regionCallback.verify(match[1]!);
      if (!check.ok) return refuse(check.reason, check.message);
      const caller = callerOf(check.caller);
      if (caller === null) return refuse('bad-claim', "A gateway token that speaks for the gateway's own checks is no caller credential.");
      return { caller, via: 'region-callback' };
    }
    const result: TokenVerification = !match
      ? refusal('malformed')
      : verify === null
        ? refusal('no-issuer-configured')
        : await verify(match[1]!);
    if (result.ok) return { caller: result.caller, via: 'caller-token', expiresAt: result.expiresAt };
    return refuse(result.reason, result.message);
  };
}

/**
 * Whether a token claims to be a gateway token (unverified: this only picks the verifier). By `typ`,
 * and by `iss` too, so that a token dressed as the gateway's without the `typ` is refused by the
 * gateway-token rules (wrong-type) rather than tried against the caller issuer.
 */
function isGatewayToken(token: string): boolean {
  try {
    if (decodeProtectedHeader(token).typ === GATEWAY_TOKEN_TYPE) return true;
    return decodeJwt(token).iss === GATEWAY_TOKEN_ISSUER;
  } catch {
    return false; // not a JWT at all: the caller-token path refuses it as malformed
  }
}

/** The caller a verified region token speaks for, as the original request's Caller was; null for the gateway's own identity. */
function callerOf(forwarded: ForwardedCaller): Caller | null {
  // The claims were read strictly (readForwardedCaller: a public caller carries no sub or bureau).
  return forwarded.role === 'gateway' ? null : Object.freeze({ ...forwarded, role: forwarded.role });
}

/** The error a refused token becomes: Apollo Server sends `extensions.http` as the response's status and headers. */
function tokenRefusedError(reason: string, message: string): GraphQLError {
  // The issuer being unreachable is not the caller's fault: 503, so clients retry instead of re-login.
  const unavailable = reason === 'key-set-unavailable';
  const headers = new HeaderMap(unavailable ? [['retry-after', '5']] : [['www-authenticate', 'Bearer error="invalid_token"']]);
  return ERRORS.UNAUTHENTICATED.err(message, {
    extensions: { reason, http: { status: unavailable ? 503 : 401, headers } },
  });
}
