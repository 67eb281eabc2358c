/**
 * The HTTP edge of every GraphQL process here (subgraphs and gateway): `/graphql` (GET and POST,
 * through Apollo Server's own request pipeline, CSRF prevention included) plus a few routes by exact
 * path (`/health`, `/livez`, `/readyz`, the gateway's IDE page) and by path prefix (the IDE's assets).
 * A process may hand it routes that answer by themselves and HTTP upgrades by path (the gateway's
 * subscriptions, gateway/live/): the edge only routes to them. Anything else is 404 (an upgrade is
 * refused by closing its socket).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ERRORS } from '../errors.ts';
import { applyCors, type CorsPolicy } from './CorsPolicy.ts';
import { readRequestId } from './requestId.ts';
import { watchClientGone } from './watchClientGone.ts';

/** Request bodies above this are refused: no GraphQL operation of the contract comes near it. */
const MAX_BODY_BYTES = 1024 * 1024;

/** How long `close()` waits for in-flight requests before cutting their connections. */
const DRAIN_MS = 5_000;

/**
 * A route's answer: its status and body, sent as JSON unless `contentType` is given, then `body` (a
 * string or a Buffer) is sent as is (e.g. Prometheus text at /metrics, a file). `headers` are added
 * to the response (caching, Content-Security-Policy).
 */
export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A route at one exact path. */
export type JsonRoute = () => Promise<RouteAnswer>;

/**
 * A POST route at one exact path that only requests passing `authorize` reach (e.g. the delivery
 * protocol between the gateway's relay and a bureau): gets the identity, the parsed JSON body, and a
 * signal that aborts when the client hangs up before its answer was sent (a held long poll stops).
 */
export type SignedRoute<A> = (identity: A, body: unknown, signal?: AbortSignal) => Promise<RouteAnswer>;

/** A route for every path under a prefix: gets the rest of the path after it (still URL-encoded). */
export type PrefixRoute = (rest: string) => Promise<RouteAnswer>;

/**
 * A route at one exact path that answers by itself, e.g. a long-lived event stream: it gets the
 * request and the response (already carrying `x-request-id`), reads the body and writes the answer.
 */
export type StreamRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * A POST /graphql request with a JSON body, as a shortcut sees it: the parsed body, the request's
 * headers, and its context (made at most once: Apollo gets the same one if the shortcut passes).
 */
export interface ShortcutRequest<C> {
  readonly body: unknown;
  readonly headers: IncomingMessage['headers'];
  readonly context: () => Promise<C>;
}

/** A shortcut's answer: HTTP 200 with these headers (content-type among them) and body. */
export interface ShortcutAnswer {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Answers a request in place of Apollo's pipeline, or passes (null) and Apollo answers it. Only for
 * answers byte-identical to Apollo's own: the gateway's known operations (gateway/known-operations/).
 */
export type GraphQLShortcut<C> = (request: ShortcutRequest<C>) => Promise<ShortcutAnswer | null>;

/** Takes an HTTP upgrade (e.g. to WebSocket) at its path, or destroys the socket. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * What an `authorize` hook answers for one /graphql request: the identity it carries, or a refusal
 * (HTTP 401, `UNAUTHENTICATED`, `WWW-Authenticate: <challenge>`) with a message that never repeats
 * the credentials.
 */
export type Authorization<A> =
  | { readonly ok: true; readonly identity: A }
  | { readonly ok: false; readonly message: string; readonly challenge: string; readonly extensions?: Readonly<Record<string, unknown>> };

export interface ServeApolloOptions<C extends BaseContext, A = undefined> {
  readonly apollo: ApolloServer<C>;
  /**
   * `identity` is what `authorize` found (undefined without it); `requestId` names the request
   * (readRequestId) and is already on the response as `x-request-id`; `signal` aborts when the client
   * hangs up (or shutdown cuts its connection) before its answer was sent.
   */
  readonly context: (req: IncomingMessage, identity: A, requestId: string, signal: AbortSignal) => C | Promise<C>;
  /**
   * Who may ask at all, decided from the headers before the body is read: subgraphs accept only
   * requests the gateway signed. Unset (the gateway) = every request reaches Apollo. The JSON routes
   * (/health …) are not asked: they carry no data.
   */
  readonly authorize?: (req: IncomingMessage) => Promise<Authorization<A>>;
  readonly routes: Readonly<Record<string, JsonRoute>>;
  /** POST routes behind `authorize` (never without it: they are refused with 404 then). */
  readonly signedRoutes?: Readonly<Record<string, SignedRoute<A>>>;
  /** Routes by path prefix (e.g. '/ide/assets/'), tried after the exact routes. */
  readonly prefixRoutes?: Readonly<Record<string, PrefixRoute>>;
  /** Routes that answer by themselves (the gateway's subscription stream), by exact path; CORS as /graphql, no `authorize`. */
  readonly streamRoutes?: Readonly<Record<string, StreamRoute>>;
  /** HTTP upgrades by exact path (the gateway's WebSocket subscriptions); any other upgrade is refused. */
  readonly upgrades?: Readonly<Record<string, UpgradeHandler>>;
  /**
   * Cross-origin access to /graphql and the stream routes for browsers (the gateway, when configured). Unset (subgraphs,
   * which only the gateway calls) = no CORS headers, and OPTIONS goes to Apollo like any method.
   */
  readonly cors?: CorsPolicy;
  /** Tried first for POST /graphql with a JSON body (the gateway's known operations); unset = Apollo answers all. */
  readonly shortcut?: GraphQLShortcut<C>;
  /** Shown in /health and in the port-in-use error, e.g. '500152 潼南区'. */
  readonly name: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly host: string, readonly port: number, readonly owner: string) {
    super(`Port ${port} on ${host} is already in use; ${owner} cannot start. Stop what holds it or set another port.`);
  }
}

export async function serveApollo<C extends BaseContext, A = undefined>(options: ServeApolloOptions<C, A>): Promise<RunningServer> {
  await options.apollo.start();
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.keepAliveTimeout = 65_000; // longer than the gateway's pool keep-alive, so idle sockets close from its side
  // A client that half-closes after its request (`nc -N`, some proxies) still wants the answer: by
  // default Node aborts the request on the client's FIN. With this it answers, then closes.
  // (Undocumented but long-standing: node/lib/_http_server.js socketOnEnd.)
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const upgrade = options.upgrades && Object.hasOwn(options.upgrades, path) ? options.upgrades[path] : undefined;
    if (upgrade) upgrade(req, socket, head);
    else socket.destroy();
  });
  await listen(server, options);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        // In-flight requests get DRAIN_MS to finish; then every connection is cut, so a peer that
        // keeps a keep-alive socket busy (or a request stuck on a callback) cannot hold shutdown.
        const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      await options.apollo.stop();
    },
  };
}

function listen(server: Server, { host, port, name }: { host: string; port: number; name: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, name) : error);
    });
    server.listen(port, host, () => resolve());
  });
}

async function handle<C extends BaseContext, A>(options: ServeApolloOptions<C, A>, req: IncomingMessage, res: ServerResponse) {
  const url = targetOf(req.url);
  const route = Object.hasOwn(options.routes, url.pathname) ? options.routes[url.pathname] : undefined;
  if (route) return sendAnswer(res, await route());
  const stream = options.streamRoutes && Object.hasOwn(options.streamRoutes, url.pathname) ? options.streamRoutes[url.pathname] : undefined;
  if (stream) {
    // As at /graphql (below): a page on a listed origin may open the stream, and read its refusals.
    if (options.cors && applyCors(options.cors, req, res)) return;
    res.setHeader('x-request-id', readRequestId(req.headers['x-request-id']));
    return stream(req, res);
  }
  for (const [prefix, prefixRoute] of Object.entries(options.prefixRoutes ?? {})) {
    if (url.pathname.startsWith(prefix)) return sendAnswer(res, await prefixRoute(url.pathname.slice(prefix.length)));
  }
  const signed = options.authorize && options.signedRoutes && Object.hasOwn(options.signedRoutes, url.pathname)
    ? options.signedRoutes[url.pathname]
    : undefined;
  if (url.pathname !== '/graphql' && signed === undefined) return send(res, 404, { error: `no route ${url.pathname}` });
  // Before the token and the rate limit: a preflight carries neither, and a refusal (401, 429)
  // must reach the page with its CORS headers to be readable. Only /graphql (and the streams) speak CORS.
  if (url.pathname === '/graphql' && options.cors && applyCors(options.cors, req, res)) return;
  // Set first, so every answer carries it: a refused token, a rate limit, a CSRF or JSON refusal too.
  const requestId = readRequestId(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  // Before the body is read: a refused request costs no parsing (Node discards its unread body).
  const authorization = options.authorize ? await options.authorize(req) : { ok: true as const, identity: undefined as A };
  if (!authorization.ok) {
    res.setHeader('www-authenticate', authorization.challenge);
    return send(res, 401, {
      errors: [{ message: authorization.message, extensions: { ...authorization.extensions, code: ERRORS.UNAUTHENTICATED.code } }],
    });
  }

  const clientGone = watchClientGone(req, res);
  const raw = await readBody(req);
  if (raw === 'too-large') {
    res.setHeader('connection', 'close');
    res.on('finish', () => req.destroy()); // the rest of the body is never read
    return send(res, 413, { error: `request body above ${MAX_BODY_BYTES} bytes` });
  }
  if (signed !== undefined) {
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: 'The request body is not valid JSON.' });
    }
    return sendAnswer(res, await signed(authorization.identity, parsed, clientGone));
  }
  let body: unknown = raw;
  const json = req.method === 'POST' && req.headers['content-type']?.includes('json') === true;
  if (json) {
    try {
      body = raw.length ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: ERRORS.BAD_REQUEST.code } }] });
    }
  }
  // Made at most once: a shortcut that passes hands Apollo the same context (a refused token is
  // refused once, a rate limit counted once).
  let context: Promise<C> | undefined;
  const contextOnce = () => (context ??= Promise.resolve().then(() => options.context(req, authorization.identity, requestId, clientGone)));
  if (json && options.shortcut) {
    const answer = await options.shortcut({ body, headers: req.headers, context: contextOnce });
    if (answer) {
      // setHeader, not writeHead: end() then adds Content-Length, as for Apollo's answers below.
      for (const [key, value] of Object.entries(answer.headers)) res.setHeader(key, value);
      res.statusCode = 200;
      return res.end(answer.body);
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: contextOnce,
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') return res.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The request target's path and query; the common plain `/graphql` without building a URL (a few µs a request). */
function targetOf(target = '/'): { readonly pathname: string; readonly search: string } {
  return target === '/graphql' ? GRAPHQL_TARGET : new URL(target, 'http://localhost');
}

const GRAPHQL_TARGET = Object.freeze({ pathname: '/graphql', search: '' });

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendAnswer(res: ServerResponse, { status, body, contentType, headers }: RouteAnswer) {
  if (contentType === undefined) return send(res, status, body, headers);
  res.writeHead(status, { ...headers, 'content-type': contentType });
  res.end(Buffer.isBuffer(body) ? body : String(body));
}

function send(res: ServerResponse, status: number, payload: unknown, headers?: Readonly<Record<string, string>>) {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}
