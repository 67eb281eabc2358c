/**
 * The first two stages of the gateway's request pipeline, run at the HTTP edge before any GraphQL
 * work: the caller's bearer token → Caller (401 for a token that proves nothing), then the caller's
 * rate limit (429 + Retry-After). A request that passes both gets its GatewayContext, with the
 * deadline its subgraph fetches share.
 */
import type { IncomingMessage } from 'node:http';
import type { CallerAuthenticator } from '../callers/authenticateCaller.ts';
import type { RateLimitGuard } from '../ratelimit/createRateLimitGuard.ts';
import { PUBLIC_CALLER } from '../request/Caller.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { readClientAddress } from './readClientAddress.ts';

export interface RequestContextStages {
  readonly authenticate: CallerAuthenticator;
  readonly rateLimit: RateLimitGuard;
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted for the client's address. */
  readonly trustedProxies: number;
  /** The request's overall deadline in ms, read per request (it may follow the registry file). */
  readonly deadlineMs: () => number;
}

export type CreateRequestContext = (req: IncomingMessage, requestId: string, signal: AbortSignal) => Promise<GatewayContext>;

export function createRequestContext({ authenticate, rateLimit, trustedProxies, deadlineMs }: RequestContextStages): CreateRequestContext {
  return async (req, requestId, signal) => {
    // From the request's arrival: the caller's token and rate limit spend it too.
    const deadline = performance.now() + deadlineMs();
    const clientAddress = readClientAddress(req, trustedProxies);
    // Throws 401 for a token that proves nothing; such a request still spends its address's
    // public budget, so forged tokens cannot be sprayed without limit.
    const { caller, via } = await authenticate(req.headers.authorization).catch(async (error: unknown) => {
      await rateLimit(PUBLIC_CALLER, clientAddress);
      throw error;
    });
    // The region's callbacks spend a budget of their own.
    await rateLimit(caller, clientAddress, via === 'region-callback' ? 'region-callback' : 'client');
    return { requestId, caller, clientAddress, signal, deadline };
  };
}
