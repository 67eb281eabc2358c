/**
 * The first two stages every client request passes, whatever carries it (POST /graphql, a
 * subscription's event stream or WebSocket): the caller's bearer token → Authentication (a token
 * that proves nothing throws UNAUTHENTICATED, 401), then the caller's rate limit (RATE_LIMITED, 429).
 */
import { PUBLIC_CALLER } from '../request/Caller.ts';
import type { RateLimitGuard } from '../ratelimit/createRateLimitGuard.ts';
import type { Authentication, CallerAuthenticator } from './authenticateCaller.ts';

export type CallerGate = (authorization: string | undefined, clientAddress: string) => Promise<Authentication>;

export function createCallerGate(authenticate: CallerAuthenticator, rateLimit: RateLimitGuard): CallerGate {
  return async (authorization, clientAddress) => {
    // Throws 401 for a token that proves nothing; such a request still spends its address's
    // public budget, so forged tokens cannot be sprayed without limit.
    const authentication = await authenticate(authorization).catch(async (error: unknown) => {
      await rateLimit(PUBLIC_CALLER, clientAddress);
      throw error;
    });
    // The region's callbacks spend a budget of their own.
    await rateLimit(authentication.caller, clientAddress, authentication.via === 'region-callback' ? 'region-callback' : 'client');
    return authentication;
  };
}
