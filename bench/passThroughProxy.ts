/**
 * The floor under every gateway: a Node HTTP server that passes each request's body to the bureau
 * and its answer back, byte for byte, with a fresh gateway token (the bureau refuses a request
 * without one) and nothing else — no GraphQL, no caller token, no logging. What it adds over the
 * bureau asked directly is what one more Node process and loopback hop cost on this machine; what a
 * gateway adds over it is the gateway's own work. (On a 2-core VM a core left idle while a bureau
 * answers in 10 ms makes the hop itself cost about a millisecond at one connection: issue 13.)
 *
 * It signs with our gateway's signer as our gateway does (signAhead: a caller who keeps asking gets
 * the next token signed off the request's path), and asks as the plain Apollo peer's undici fetcher
 * does (undici's `request`, its keep-alive pool).
 *
 * Process entry: `tsx bench/passThroughProxy.ts`, environment BENCH_BUREAU_CODE, BENCH_BUREAU_URL and
 * BENCH_GATEWAY_SIGNING_KEY as for the peers (bench/peerSupergraph.ts). Prints `pass-through ready at <url>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { request } from 'undici';
import { signAhead } from '../gateway/bureau-tokens/signAhead.ts';
import { BENCH_IDENTITY, benchSigner } from './benchTrust.ts';
import { requiredEnv } from './peerSupergraph.ts';

const bureauCode = requiredEnv('BENCH_BUREAU_CODE');
const bureauUrl = requiredEnv('BENCH_BUREAU_URL');
const sign = signAhead(benchSigner(requiredEnv('BENCH_GATEWAY_SIGNING_KEY')));

const server = createServer((req, res) => {
  void (async () => {
    const body = await buffer(req);
    const authorization = `Bearer ${sign(bureauCode, BENCH_IDENTITY)}`;
    const answer = await request(bureauUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    const contentType = answer.headers['content-type'];
    res.writeHead(answer.statusCode, { 'content-type': typeof contentType === 'string' ? contentType : 'application/json', 'content-length': bytes.length });
    res.end(bytes);
  })().catch((error: unknown) => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: `pass-through failed: ${(error as Error).message}`, extensions: { code: 'BENCH_PASS_THROUGH_FAILED' } }] }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`pass-through ready at http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
