/**
 * A subscriber's context from its connection (gateway/live/ OpenLiveContext): the same two stages as
 * a query's request context (createRequestContext) — the token, then the rate limit, once per
 * stream or socket — plus when the token expires, where the subscription ends.
 */
import { readRequestId } from '../../schema/http/requestId.ts';
import type { CallerGate } from '../callers/createCallerGate.ts';
import type { OpenLiveContext } from '../live/LiveContext.ts';
import { readClientAddress } from './readClientAddress.ts';

export function createLiveContext(gate: CallerGate, trustedProxies: number): OpenLiveContext {
  return async (req, authorization, lastEventId) => {
    const clientAddress = readClientAddress(req, trustedProxies);
    const { caller, expiresAt } = await gate(authorization, clientAddress);
    return { caller, clientAddress, requestId: readRequestId(req.headers['x-request-id']), expiresAt: expiresAt ?? null, lastEventId };
  };
}
