/**
 * The HTTP edge of caller authentication: the `Authorization` header of a request → its Caller.
 * No header = the public role; a header that does not prove a caller refuses the whole request
 * (HTTP 401, `WWW-Authenticate: Bearer error="invalid_token"`, code UNAUTHENTICATED) rather than
 * silently serving it as public, so a client with a broken token finds out.
 */
import { HeaderMap } from '@apollo/server';
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { CallerTokenConfig } from '../config/readCallerTokenConfig.ts';
import { PUBLIC_CALLER, type Caller } from './Caller.ts';
import { refusal, verifyCallerToken, type TokenVerification } from './verifyCallerToken.ts';

export type CallerAuthenticator = (authorization: string | undefined) => Promise<Caller>;

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
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return PUBLIC_CALLER;
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(authorization);
    const result: TokenVerification = !match
      ? refusal('malformed')
      : keys === null || config === null
        ? refusal('no-issuer-configured')
        : await verifyCallerToken(match[1]!, keys, config);
    if (result.ok) return result.caller;
    // The reason only: never the token, nor any claim from it.
    log({ level: result.reason === 'key-set-unavailable' ? 'warn' : 'info', msg: 'caller token refused', reason: result.reason });
    throw tokenRefusedError(result.reason, result.message);
  };
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
