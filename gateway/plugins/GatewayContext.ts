/**
 * The per-request context of the gateway's Apollo Server: only what must follow a request from the
 * HTTP edge to the bureaus. Nothing here may hold credentials or variables: it reaches the logs.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/Caller.ts';

export interface GatewayContext {
  /** Echoed as `x-request-id` and sent to every bureau, so one request can be traced across processes. */
  readonly requestId: string;
  /** The verified caller (or the public role); never the raw token. */
  readonly caller: Caller;
  /** The client's address, the rate-limit key of callers without a token. */
  readonly clientAddress: string;
}

/** An incoming id is trusted only in this shape: it is logged and forwarded, so no injection, bounded length. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id of an incoming request: its `x-request-id` if well formed, else a fresh UUID. */
export function readRequestId(header: string | readonly string[] | undefined, generate: () => string = randomUUID): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && VALID_REQUEST_ID.test(value) ? value : generate();
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
