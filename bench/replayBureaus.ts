/**
 * Record-replay bureaus: one process that stands in for several bureaus at
 * `<url>/<code>/graphql`, so that fan-out and the gateway's own cost can be measured with bureaus
 * that answer in a fixed time and cost almost no CPU (six real bureaus on two cores measure the
 * bureaus fighting for the cores as much as the gateway).
 *
 * Like a real bureau it refuses every request without a valid gateway token for its code (the
 * bureaus' own verifier and admission: subgraphs/kit/admission/authorizeGatewayRequest.ts, replays of
 * a token included). Then:
 * - in `record` mode (at start) it passes the request to the real bureau, answers with the real
 *   answer, and keeps it, keyed by bureau, path and body (bench/ReplayRecordings.ts);
 * - in `replay` mode it answers the recorded answer BENCH_REPLAY_LATENCY_MS after the request
 *   arrived; a request never recorded is answered HTTP 500 with a GraphQL error (BENCH_REPLAY_MISS)
 *   and counted.
 * The latency counts from arrival, not from the end of this process's own work: one process plays
 * several bureaus, and six tokens verified one after another (~0.1 ms each) would otherwise start the
 * sixth bureau's clock half a millisecond late — latency six independent bureaus would not add.
 * `/<code>/health` answers 200 (nothing is measured there). Control, for the bench only (it binds to
 * 127.0.0.1): `POST /__replay/record`, `POST /__replay/replay`, `GET /__replay/stats`.
 *
 * Process entry: `tsx bench/replayBureaus.ts`, environment:
 * - BENCH_REPLAY_BUREAUS  `code=url,code=url…`: the real bureaus' GraphQL URLs
 * - BENCH_REPLAY_LATENCY_MS  the fixed answer time in replay mode (default 10)
 * - BENCH_GATEWAY_PUBLIC_KEY  the gateway's public JWK file, as a bureau's ECOGRAPH_GATEWAY_PUBLIC_KEY
 * Prints `replay-bureaus ready at <url>`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { createGatewayTokenVerifier } from '../schema/gateway-token/createGatewayTokenVerifier.ts';
import { gatewayPublicJwkSchema } from '../schema/gateway-token/gatewayJwkSchema.ts';
import { authorizeGatewayRequest } from '../subgraphs/kit/admission/authorizeGatewayRequest.ts';
import { requiredEnv } from './peerSupergraph.ts';
import { ReplayRecordings, type RecordedAnswer } from './ReplayRecordings.ts';

const MAX_BODY_BYTES = 1 << 20;

const latencyMs = Number(process.env['BENCH_REPLAY_LATENCY_MS'] ?? '10');
if (!Number.isInteger(latencyMs) || latencyMs < 0) throw new Error(`BENCH_REPLAY_LATENCY_MS must be a whole number of ms, got ${latencyMs}`);
const publicKey = gatewayPublicJwkSchema.parse(JSON.parse(readFileSync(requiredEnv('BENCH_GATEWAY_PUBLIC_KEY'), 'utf8')));
const bureaus = new Map(requiredEnv('BENCH_REPLAY_BUREAUS').split(',').map((pair) => {
  const [code = '', url = ''] = pair.split('=');
  const origin = new URL(url).origin;
  return [code, { origin, authorize: authorizeGatewayRequest(createGatewayTokenVerifier({ publicKey, audience: code }), code) }] as const;
}));
const recordings = new ReplayRecordings();

const server = createServer((req, res) => void handle(req, res).catch((error: unknown) => {
  send(res, { status: 500, contentType: 'application/json', body: graphQLError(`replay bureau failed: ${(error as Error).message}`, 'BENCH_REPLAY_FAILED') });
}));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`replay-bureaus ready at http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  if (url.startsWith('/__replay/')) return control(req, res, url);
  const match = /^\/([0-9]{6})(\/[^?]*)/.exec(url);
  const bureau = match ? bureaus.get(match[1]!) : undefined;
  if (!match || !bureau) return send(res, { status: 404, contentType: 'application/json', body: Buffer.from('{"error":"not a replayed bureau"}') });
  const [, code, path] = match as unknown as [string, string, string];
  const due = performance.now() + latencyMs;
  if (req.method === 'GET' && path === '/health') return send(res, { status: 200, contentType: 'application/json', body: Buffer.from(`{"status":"ok","name":"replay ${code}"}`) });
  const body = await readBody(req);
  const admission = await bureau.authorize(req);
  if (!admission.ok) {
    recordings.refused();
    return send(res, { status: 401, contentType: 'application/json', body: graphQLError(admission.message, 'UNAUTHENTICATED', admission.extensions) });
  }
  const key = ReplayRecordings.key(code, path, body);
  if (recordings.mode === 'record') {
    const answer = await forward(bureau.origin + path, req, body);
    recordings.record(key, answer);
    return send(res, answer);
  }
  const answer = recordings.replay(key);
  if (answer === null) {
    return send(res, { status: 500, contentType: 'application/json', body: graphQLError(`replay bureau ${code} has no recording of this ${path} request`, 'BENCH_REPLAY_MISS') });
  }
  setTimeout(() => send(res, answer), Math.max(0, due - performance.now()));
}

async function control(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  if (req.method === 'POST' && (url === '/__replay/record' || url === '/__replay/replay')) {
    recordings.mode = url === '/__replay/record' ? 'record' : 'replay';
  } else if (!(req.method === 'GET' && url === '/__replay/stats')) {
    return send(res, { status: 404, contentType: 'application/json', body: Buffer.from('{"error":"unknown control route"}') });
  }
  send(res, { status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify(recordings.stats())) });
}

async function forward(url: string, req: IncomingMessage, body: string): Promise<RecordedAnswer> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? 'application/json', authorization: req.headers.authorization ?? '' },
    body,
  });
  const contentType = res.headers['content-type'];
  return { status: res.statusCode, contentType: typeof contentType === 'string' ? contentType : 'application/json', body: Buffer.from(await res.body.arrayBuffer()) };
}

function send(res: ServerResponse, answer: RecordedAnswer): void {
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': answer.body.length });
  res.end(answer.body);
}

function graphQLError(message: string, code: string, extensions: Readonly<Record<string, unknown>> = {}): Buffer {
  return Buffer.from(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
