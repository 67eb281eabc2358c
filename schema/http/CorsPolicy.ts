/**
 * Cross-origin access to /graphql and its subscription stream (/graphql/stream) for browser
 * applications served from another origin (a front end's dev server, a city portal). Only exact origins on the list get CORS headers; the origin is
 * echoed, never `*`, and credentials (cookies) are allowed only when configured. Apollo Server's
 * CSRF prevention stays on behind it: a "simple" request (no preflight) is still refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  /** Exact origins (`scheme://host[:port]`, as `new URL(o).origin` writes them). */
  readonly allowedOrigins: readonly string[];
  /** Whether the browser may send and read with credentials (cookies, HTTP auth). */
  readonly credentials: boolean;
}

/**
 * Headers Apollo Client, urql and our own edge use; the browser asks for them in a preflight.
 * `last-event-id`: a graphql-sse client resuming a stream at /graphql/stream sends it (not safelisted,
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header).
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name',
  'apollo-client-name', 'apollo-client-version', 'apollographql-client-name', 'apollographql-client-version', 'x-request-id',
  'last-event-id',
].join(', ');

/** Headers a page may read from an answer besides the safelisted ones (the 429's Retry-After, 401's challenge). */
const EXPOSED_HEADERS = 'x-request-id, retry-after, www-authenticate';

/** How long (s) a browser may reuse a preflight answer; Chromium caps it at 7200. */
const MAX_AGE_S = 600;

/**
 * Adds the CORS headers `policy` grants `req` to `res`. Answers a preflight (OPTIONS with
 * Access-Control-Request-Method) itself, 204, and returns true: the caller sends nothing else. A
 * disallowed origin gets no CORS header at all, so the browser withholds the answer from the page.
 */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('vary', 'Origin'); // the answer depends on it: caches must not hand one origin's to another
  const origin = req.headers.origin;
  const allowed = origin !== undefined && policy.allowedOrigins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    if (policy.credentials) res.setHeader('access-control-allow-credentials', 'true');
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) {
    if (allowed) res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    return false;
  }
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', String(MAX_AGE_S));
  }
  res.writeHead(204).end();
  return true;
}
