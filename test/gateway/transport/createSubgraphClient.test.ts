/**
 * The undici transport against a real loopback server that never answers: the client's signal and
 * the subgraph's own deadline end a request with different reasons, and the server sees it cut.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphClient, type SubgraphClient } from '../../../gateway/transport/createSubgraphClient.ts';

let server: Server;
let client: SubgraphClient;
/** Resolves with each request the server received, once its caller hung up before an answer. */
const hangUps: Array<(req: IncomingMessage) => void> = [];
/** Resolves with each request as the server receives it. */
const arrivals: Array<(req: IncomingMessage) => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    arrivals.splice(0).forEach((resolve) => resolve(req));
    res.once('close', () => {
      if (!res.writableFinished) hangUps.splice(0).forEach((resolve) => resolve(req));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = createSubgraphClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});
afterAll(async () => {
  await client.close().catch(() => {});
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const nextHangUp = () => new Promise<IncomingMessage>((resolve) => hangUps.push(resolve));
const nextArrival = () => new Promise<IncomingMessage>((resolve) => arrivals.push(resolve));

describe('createSubgraphClient', () => {
  it("settles with 'aborted' when the client's signal aborts, and the subgraph sees its request cut", async () => {
    const [arrived, cut] = [nextArrival(), nextHangUp()];
    const clientRequest = new AbortController();
    const posting = client.post('{}', { timeoutMs: 30_000, signal: clientRequest.signal });
    await arrived; // the subgraph is working on it
    clientRequest.abort();

    await expect(posting).resolves.toMatchObject({ kind: 'failed', reason: 'aborted' });
    await expect(cut).resolves.toMatchObject({ method: 'POST', url: '/graphql' });
  });

  it("settles with 'timeout' when its own deadline passes first, with a signal that never aborts", async () => {
    const outcome = await client.post('{}', { timeoutMs: 100, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });
});
