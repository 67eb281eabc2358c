/**
 * The region's calls to the gateway carry, as their bearer token, the gateway token of the region
 * request they serve, and nothing when there is none (in process). A real HTTP server stands in
 * for the gateway's endpoint and records what arrives.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayPost } from '../../../subgraphs/region/createGatewayPost.ts';

const arrived: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  arrived.push(req.headers);
  req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}'));
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the region's call to the gateway", () => {
  it('forwards the request\'s gateway token as its bearer token, and sends none without one', async () => {
    const post = createGatewayPost({ url, timeoutMs: 2_000 });
    const body = { query: '{ __typename }', variables: {}, operationName: 'Q' };
    expect(await post(body, 'aaa.bbb.ccc')).toEqual({ data: {} });
    expect(await post(body, null)).toEqual({ data: {} });
    expect(arrived[0]!.authorization).toBe('Bearer aaa.bbb.ccc');
    expect(arrived[1]!.authorization).toBeUndefined();
  });
});
