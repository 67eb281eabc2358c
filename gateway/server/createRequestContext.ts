/**
 * The first two stages of the gateway's request pipeline, run at the HTTP edge before any GraphQL
 * work: the caller's bearer token → Caller (401 for a token that proves nothing), then the caller's
 * rate limit (429 + Retry-After). A request that passes both gets its GatewayContext, with the
 * deadline its subgraph fetches share.
 */
import type { IncomingMessage } from 'node:http';
import type { CallerGate } from '../callers/createCallerGate.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { readClientAddress } from './readClientAddress.ts';

export interface RequestContextStages {
  /** The caller's token, then its rate limit (createCallerGate). */
  readonly gate: CallerGate;
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted for the client's address. */
  readonly trustedProxies: number;
  /** The request's overall deadline in ms, read per request (it may follow the registry file). */
  readonly deadlineMs: () => number;
}

export type CreateRequestContext = (req: IncomingMessage, requestId: string, signal: AbortSignal) => Promise<GatewayContext>;

export function createRequestContext({ gate, trustedProxies, deadlineMs }: RequestContextStages): CreateRequestContext {
  return async (req, requestId, signal) => {
    // From the request's arrival: the caller's token and rate limit spend it too.
    const deadline = performance.now() + deadlineMs();
    const clientAddress = readClientAddress(req, trustedProxies);
    const { caller } = await gate(req.headers.authorization, clientAddress);
    return { requestId, caller, clientAddress, signal, deadline };
  };
}
