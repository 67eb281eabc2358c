/**
 * The id of one request across processes: the client's `x-request-id` if well formed, else a fresh
 * UUID. The HTTP edge names every /graphql request with it and sends it back, refusals included.
 */
import { randomUUID } from 'node:crypto';

/** An incoming id is trusted only in this shape: it is logged and forwarded, so no injection, bounded length. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function readRequestId(header: string | readonly string[] | undefined, generate: () => string = randomUUID): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && VALID_REQUEST_ID.test(value) ? value : generate();
}
