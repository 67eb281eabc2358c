/**
 * What an outgoing subgraph request takes from the client request it serves: whom it speaks for
 * (signed into a fresh gateway token per request), the headers it forwards (the request id), and
 * the client request's signal, which cancels it when the client hangs up, and the request's overall
 * deadline, which every fetch of it shares. Built once per operation
 * and shared read-only by every bureau fetch of it, so a fan-out does not rebuild it.
 */
import { readRequestDeadline, readRequestSignal, requestIdHeaders } from '../request/GatewayContext.ts';
import { GATEWAY_SERVICE_IDENTITY, outgoingIdentityOf, type OutgoingIdentity } from './OutgoingIdentity.ts';

export interface OutgoingRequest {
  readonly identity: OutgoingIdentity;
  readonly headers: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** performance.now() by which the client request must be answered (its fetches share it). */
  readonly deadline?: number;
}

/** The gateway's own requests (registry checks, Apollo's health checks): no client, nothing to cancel them. */
export const GATEWAY_SERVICE_REQUEST: OutgoingRequest = Object.freeze({ identity: GATEWAY_SERVICE_IDENTITY, headers: Object.freeze({}) });

/** The outgoing part of a gateway request context (its caller, request id, signal and deadline). */
export function outgoingRequestOf(context: unknown): OutgoingRequest {
  return {
    identity: outgoingIdentityOf(context),
    headers: requestIdHeaders(context),
    signal: readRequestSignal(context),
    deadline: readRequestDeadline(context),
  };
}
