/**
 * Subscriptions over WebSocket with graphql-ws (the graphql-transport-ws protocol Apollo Client's
 * GraphQLWsLink and urql speak), on the gateway's own port at /graphql: the HTTP server's upgrade
 * requests for that path come here (the `ws` package, noServer). The bearer token is taken from the
 * connection_init payload (`{ authorization: "Bearer …" }`, the way browsers must send it) or else
 * the upgrade request's `Authorization` header, and verified as a query's is: a refused token closes
 * the socket with 4401 ("Unauthorized", graphql-ws's code) and the refusal's code in the reason; when
 * the token expires the socket closes with 4401 too. Refusals of one subscription (validation,
 * limits, arguments, the cap) come as graphql-ws `error` or `next` messages with `extensions.code`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, makeServer } from 'graphql-ws';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { ERRORS } from '../../schema/errors.ts';
import { readRequestId } from '../../schema/http/requestId.ts';
import type { LivePreparer } from './createLivePreparer.ts';
import type { LiveSubscribe } from './createSubscriptionFanout.ts';
import type { LiveContext, OpenLiveContext } from './LiveContext.ts';
import { maskLiveError } from './maskLiveResult.ts';
import { SerializedPayload, serializeLiveResult, spliceSerialized } from './serializedLiveResult.ts';

/** Longest wait for connection_init after the socket opens (graphql-ws closes with 4408 then). */
const INIT_WAIT_MS = 10_000;
/** Keep-alive pings, so idle proxies do not cut a quiet subscription. */
const PING_MS = 12_000;

export interface WsServerOptions {
  readonly open: OpenLiveContext;
  readonly prepare: LivePreparer;
  readonly subscribe: LiveSubscribe;
  readonly log: (event: Record<string, unknown>) => void;
}

export interface LiveWsServer {
  /** The HTTP server's 'upgrade' for the WebSocket path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (1001 going away). */
  close(): Promise<void>;
}

interface Connection {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  live?: LiveContext;
  expiry?: NodeJS.Timeout;
}

export function createWsServer(options: WsServerOptions): LiveWsServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const connections = new WeakMap<object, Connection>();
  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    connectionInitWaitTimeout: INIT_WAIT_MS,
    async onConnect(ctx) {
      const connection = ctx.extra;
      const fromInit = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
      const authorization = typeof fromInit === 'string' ? fromInit : connection.request.headers.authorization;
      try {
        connection.live = await options.open(connection.request, authorization, null);
      } catch (error) {
        const refused = error instanceof GraphQLError ? error : ERRORS.INTERNAL_SERVER_ERROR.err('Unexpected error.');
        const code = refused.extensions['code'] === ERRORS.UNAUTHENTICATED.code ? CloseCode.Unauthorized : CloseCode.Forbidden;
        connection.socket.close(code, closeReason(refused));
        return false;
      }
      const { expiresAt } = connection.live;
      if (expiresAt !== null) {
        connection.expiry = setTimeout(() => connection.socket.close(CloseCode.Unauthorized, 'UNAUTHENTICATED: the bearer token expired'),
          Math.max(0, Math.min(expiresAt - Date.now(), 2_147_483_647)));
        connection.expiry.unref();
      }
      return true;
    },
    onSubscribe(ctx, _id, payload) {
      // Each subscription its own context: the connection's caller. The token's expiry closes the whole
      // socket (4401, above), so a subscription does not end on its own first.
      const prepared = options.prepare(payload, { ...ctx.extra.live!, requestId: readRequestId(undefined), expiresAt: null });
      return prepared.ok ? prepared.args : [...prepared.errors];
    },
    subscribe: (args) => options.subscribe(args),
    // The same result goes to every member of a shared stream: serialized once, spliced in by `send` below.
    onNext: (_ctx, _id, _payload, _args, result) => new SerializedPayload(serializeLiveResult(result as ExecutionResult, options.log)) as unknown as ExecutionResult,
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => maskLiveError(error, options.log)),
    onClose(ctx) {
      if (ctx.extra.expiry) clearTimeout(ctx.extra.expiry);
    },
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const connection: Connection = { socket, request };
    connections.set(socket, connection);
    const batched = batchWrites(request.socket);
    const closed = server.opened({
      protocol: socket.protocol,
      send: (data) => new Promise<void>((resolve, reject) => {
        // graphql-ws stringifies each message and hands it here at once: the payload it just wrote as a marker.
        const payload = SerializedPayload.lastWritten;
        SerializedPayload.lastWritten = null;
        batched();
        socket.send(payload === null ? data : spliceSerialized(data, payload), (error) => (error ? reject(error) : resolve()));
      }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (cb) => socket.on('message', (data: Buffer) => {
        cb(data.toString('utf8')).catch((error: unknown) => {
          options.log({ level: 'error', msg: 'subscription socket', detail: String(error) });
          socket.close(CloseCode.InternalServerError, 'Internal server error');
        });
      }),
    }, connection);
    const ping = setInterval(() => socket.ping(), PING_MS);
    ping.unref();
    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(ping);
      void closed(code, reason.toString('utf8'));
    });
  });

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * One event reaches every subscription of a connection within the same turn of the event loop (the
 * fanout hands them the same result at once): the socket is corked on the first message of a turn and
 * uncorked after it, so a connection with ten subscriptions gets one write, not ten.
 */
function batchWrites(raw: Duplex): () => void {
  let corked = false;
  return () => {
    if (corked) return;
    corked = true;
    raw.cork();
    process.nextTick(() => {
      corked = false;
      raw.uncork();
    });
  };
}

/** A close reason (at most 123 bytes): the code, then the general reason. */
function closeReason(error: GraphQLError): string {
  const reason = typeof error.extensions['reason'] === 'string' ? `: ${error.extensions['reason']}` : '';
  return `${String(error.extensions['code'] ?? 'UNAUTHENTICATED')}${reason}`.slice(0, 120);
}
