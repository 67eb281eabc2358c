/**
 * A client that half-closes its side after sending the request (`nc -N`, some proxies) gets its
 * answer: the HTTP edge must not treat the FIN as an abort.
 */
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveApollo, type RunningServer } from '../../../schema/http/serveApollo.ts';

let server: RunningServer;

beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  // The context waits until the server has seen the client's FIN, so the answer is always written after it.
  const afterFin = (req: IncomingMessage) => new Promise<object>((resolve) => {
    if (req.socket.readableEnded) resolve({});
    else req.socket.once('end', () => resolve({}));
  });
  server = await serveApollo({ apollo, context: afterFin, routes: { '/health': async () => ({ status: 200, body: { status: 'ok' } }) }, name: 'half-close test', host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server?.close();
});

/** The final response: what comes after any interim 1xx (the edge probes a half-closed client with 102). */
const finalResponse = (raw: string) => raw.replace(/^(?:HTTP\/1\.1 1\d\d [^\r]*\r\n(?:[^\r]+\r\n)*\r\n)*/, '');

/** Sends `request`, half-closes (end(): FIN, still reading) and returns everything that comes back. */
function sendAndHalfClose(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8').on('data', (text: string) => (answer += text));
    socket.on('close', () => resolve(finalResponse(answer)));
    socket.on('error', reject);
  });
}

it('answers a GraphQL POST whose client half-closed after sending it', async () => {
  const body = JSON.stringify({ query: '{ hello }' });
  const answer = await sendAndHalfClose(
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer).toContain('{"data":{"hello":"world"}}');
});

it('answers a route (GET /health) whose client half-closed after sending it', async () => {
  const answer = await sendAndHalfClose('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer).toContain('"status":"ok"');
});
