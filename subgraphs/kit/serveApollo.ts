/**
 * The HTTP edge of every GraphQL process here (subgraphs and gateway): `/graphql` (GET and POST,
 * through Apollo Server's own request pipeline, CSRF prevention included) plus a few JSON routes
 * (`/health`, `/livez`, `/readyz`). Anything else is 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** Request bodies above this are refused: no GraphQL operation of the contract comes near it. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A route: its status and body, sent as JSON unless `contentType` is given, then `body` is sent as
 * is (e.g. Prometheus text at /metrics).
 */
export type JsonRoute = () => Promise<{ readonly status: number; readonly body: unknown; readonly contentType?: string }>;

export interface ServeApolloOptions<C extends BaseContext> {
  readonly apollo: ApolloServer<C>;
  readonly context: (req: IncomingMessage) => C | Promise<C>;
  readonly routes: Readonly<Record<string, JsonRoute>>;
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

export async function serveApollo<C extends BaseContext>(options: ServeApolloOptions<C>): Promise<RunningServer> {
  await options.apollo.start();
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.keepAliveTimeout = 65_000; // longer than the gateway's pool keep-alive, so idle sockets close from its side
  await listen(server, options);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
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

async function handle<C extends BaseContext>(options: ServeApolloOptions<C>, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = Object.hasOwn(options.routes, url.pathname) ? options.routes[url.pathname] : undefined;
  if (route) {
    const { status, body, contentType } = await route();
    if (contentType === undefined) return send(res, status, body);
    res.writeHead(status, { 'content-type': contentType });
    return res.end(String(body));
  }
  if (url.pathname !== '/graphql') return send(res, 404, { error: `no route ${url.pathname}` });

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = await readBody(req);
  if (raw === 'too-large') {
    res.setHeader('connection', 'close');
    res.on('finish', () => req.destroy()); // the rest of the body is never read
    return send(res, 413, { error: `request body above ${MAX_BODY_BYTES} bytes` });
  }
  let body: unknown = raw;
  if (req.method === 'POST' && headers.get('content-type')?.includes('json')) {
    try {
      body = raw.length ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  }
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: async () => options.context(req),
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') return res.end(result.body.string);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

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

function send(res: ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}
