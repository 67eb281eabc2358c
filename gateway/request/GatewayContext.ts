/**
 * The per-request context of the gateway's Apollo Server: only what must follow a request from the
 * HTTP edge to the bureaus. Nothing here may hold credentials or variables: it reaches the logs.
 */
import type { Caller } from './Caller.ts';

export interface GatewayContext {
  /** Echoed as `x-request-id` and sent to every bureau, so one request can be traced across processes. */
  readonly requestId: string;
  /** The verified caller (or the public role); never the raw token. */
  readonly caller: Caller;
  /** The client's address, the rate-limit key of callers without a token. */
  readonly clientAddress: string;
  /**
   * Aborted when the client hangs up before its answer is sent: every subgraph request made for it
   * is cancelled with it. Absent outside an HTTP request (Apollo's executeOperation in tests).
   */
  readonly signal?: AbortSignal;
  /**
   * When every subgraph request made for it must have settled, on performance.now()'s clock (the
   * request's overall deadline, ECOGRAPH_REQUEST_DEADLINE_MS). Absent outside an HTTP request.
   */
  readonly deadline?: number;
}

/** Reaches no bureau: what a context without a caller gets, so a wiring mistake fails closed. */
const NO_BUREAU: ReadonlySet<string> = new Set();

/**
 * The bureaus the request's caller may reach (null = every bureau). A context without a caller (a
 * wiring bug: every operation's context is built at the HTTP edge) reaches none.
 */
export function readJurisdiction(context: unknown): ReadonlySet<string> | null {
  const caller = typeof context === 'object' && context !== null ? (context as Partial<GatewayContext>).caller : undefined;
  return caller ? caller.jurisdiction : NO_BUREAU;
}

/** The headers every outgoing subgraph request of this request carries (empty outside a request). */
export function requestIdHeaders(context: unknown): Readonly<Record<string, string>> {
  const id = typeof context === 'object' && context !== null ? (context as Partial<GatewayContext>).requestId : undefined;
  return typeof id === 'string' ? { 'x-request-id': id } : {};
}

/** The client request's signal (undefined outside an HTTP request: nothing then cancels). */
export function readRequestSignal(context: unknown): AbortSignal | undefined {
  const signal = typeof context === 'object' && context !== null ? (context as Partial<GatewayContext>).signal : undefined;
  return signal instanceof AbortSignal ? signal : undefined;
}

/** The client request's overall deadline (undefined outside an HTTP request: each fetch has its own). */
export function readRequestDeadline(context: unknown): number | undefined {
  const deadline = typeof context === 'object' && context !== null ? (context as Partial<GatewayContext>).deadline : undefined;
  return typeof deadline === 'number' ? deadline : undefined;
}
