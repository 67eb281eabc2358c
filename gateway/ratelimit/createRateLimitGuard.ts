/**
 * The rate limit as the gateway applies it, once per HTTP request, before any GraphQL work: the
 * caller's budget by role (0 = unlimited), spent under its key (rateLimitKey.ts); over budget, the
 * request is refused with HTTP 429, `Retry-After` (whole seconds until the window resets) and
 * RATE_LIMITED. Thrown from Apollo Server's context function, whose GraphQLError `extensions.http`
 * becomes the response's status and headers.
 *
 * The region's callbacks (it asks the gateway for bureau data on behalf of the request it serves,
 * with that request's gateway token) are not charged to the caller again, nor to the region's
 * address, which under `npm start` is every local public caller's too: the request that caused them
 * was already charged. They spend a separate, generous budget per forwarded caller instead
 * (`regionCallback`), only a guard against a runaway or abused callback path.
 */
import { HeaderMap } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { Caller } from '../request/Caller.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { rateLimitKey, type RequestOrigin } from './rateLimitKey.ts';

export interface RateLimits {
  /** Requests per window for a caller with a verified token; 0 = unlimited. */
  readonly authenticated: number;
  /** Requests per window for an address without a token; 0 = unlimited. */
  readonly public: number;
  /** Requests per window of the region calling back on behalf of one caller (all public callers share one); 0 = unlimited. */
  readonly regionCallback: number;
  readonly windowMs: number;
}

/** Resolves when the request may go on; rejects with the RATE_LIMITED error when it may not. */
export type RateLimitGuard = (caller: Caller, clientAddress: string, origin?: RequestOrigin) => Promise<void>;

export function createRateLimitGuard(limiter: RateLimiter, limits: RateLimits, onRefused: (caller: Caller) => void = () => {}): RateLimitGuard {
  return async (caller, clientAddress, origin = 'client') => {
    const limit = origin === 'region-callback' ? limits.regionCallback : caller.role === 'authenticated' ? limits.authenticated : limits.public;
    if (limit === 0) return;
    const decision = await limiter.take(rateLimitKey(caller, clientAddress, origin), limit);
    if (decision.allowed) return;
    onRefused(caller);
    throw rateLimitedError(limit, limits.windowMs, Math.max(1, Math.ceil(decision.resetInMs / 1000)));
  };
}

/** Neither the key (an address or a subject) nor anything else about the caller goes into the error. */
function rateLimitedError(limit: number, windowMs: number, retryAfterSeconds: number): GraphQLError {
  return ERRORS.RATE_LIMITED.err(
    `Too many requests: at most ${limit} per ${Math.round(windowMs / 1000)} s. Try again in ${retryAfterSeconds} s.`,
    { extensions: { retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } } },
  );
}
