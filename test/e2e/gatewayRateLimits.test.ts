/**
 * Rate limits on the real gateway process (issue 7 item 7): a caller over its budget gets HTTP 429
 * with Retry-After and RATE_LIMITED while other callers (another address, another token subject) are
 * still served; /livez, /readyz and /metrics are never limited; and two gateway replicas sharing the
 * machine's real Redis enforce one budget. Clients come from distinct loopback addresses
 * (127.0.0.0/8 is all loopback on Linux), random per run so that runs never share a Redis key.
 */
import { request } from 'node:http';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { startGatewayProcess, type GatewayProcess } from '../fixtures/gatewayProcess.ts';
import { TEST_REDIS, TEST_REDIS_URL } from '../fixtures/testRedis.ts';
import { describeWithServer } from '../subgraphs/adapters/describeWithServer.ts';

const LIMITS = { ECOGRAPH_RATE_LIMIT_PUBLIC: '3', ECOGRAPH_RATE_LIMIT_AUTHENTICATED: '2', ECOGRAPH_RATE_LIMIT_WINDOW_S: '60' };

let federation: GatewayFederation;
beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: ['510900'], gatewayEnv: LIMITS });
});
afterAll(async () => {
  await federation?.stop();
});

const usedAddresses = new Set<string>();
/** A loopback address of its own (never 127.0.0.1, which other suites use). */
function freshAddress(): string {
  for (;;) {
    const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    if (!usedAddresses.has(address)) return usedAddresses.add(address), address;
  }
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
}

/** One HTTP request from `from` (a loopback address), as a client there would send it. */
function send(url: string, from: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(url, {
      method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
      localAddress: from,
      headers: { ...(payload !== undefined && { 'content-type': 'application/json' }), ...options.headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON (/metrics)
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const QUERY = { query: '{ stations(first: 1) { totalCount } }' };
const ask = (gateway: GatewayProcess, from: string, headers?: Record<string, string>) => send(gateway.url, from, { body: QUERY, headers });

function expectRateLimited(answer: Answer) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.headers['x-request-id'], 'a refused request is named like any other').toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors[0]).toEqual({
    message: `Too many requests: at most ${answer.body.errors[0].message.match(/at most (\d+)/)[1]} per 60 s. Try again in ${retryAfter} s.`,
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
  });
}

describe('the rate limit of one gateway', () => {
  it('refuses an address over its public budget with 429 + Retry-After + RATE_LIMITED, while another address is served', async () => {
    const [noisy, quiet] = [freshAddress(), freshAddress()];
    for (let i = 0; i < 3; i += 1) {
      const answer = await ask(federation.gateway, noisy);
      expect(answer.status, `request ${i + 1}`).toBe(200);
      expect(answer.body.data.stations.totalCount).toBeGreaterThan(0);
    }
    const refused = await ask(federation.gateway, noisy);
    expectRateLimited(refused);
    expect(refused.body.errors[0].message).not.toContain(noisy);
    // A GET spends the same budget: still refused.
    expectRateLimited(await send(`${federation.gateway.url}?query=${encodeURIComponent(QUERY.query)}`, noisy, { headers: { 'apollo-require-preflight': 'true' } }));

    const other = await ask(federation.gateway, quiet);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('keys a token by its subject: one subject refused, another from the same address served, the first refused from anywhere', async () => {
    const address = freshAddress();
    const [spent, fresh] = await Promise.all([callerToken({ sub: `rl-${randomInt(1e9)}` }), callerToken({ sub: `rl-${randomInt(1e9)}` })]);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    for (let i = 0; i < 2; i += 1) expect((await ask(federation.gateway, address, bearer(spent))).status).toBe(200);
    expectRateLimited(await ask(federation.gateway, address, bearer(spent)));
    expectRateLimited(await ask(federation.gateway, freshAddress(), bearer(spent)));
    expect((await ask(federation.gateway, address, bearer(fresh))).status).toBe(200);
    // The address's own public budget was never touched by the tokens' requests.
    expect((await ask(federation.gateway, address)).status).toBe(200);
  });

  it('never limits /livez, /readyz, /metrics, and counts refusals by role in /metrics', async () => {
    const address = freshAddress();
    for (let i = 0; i < 4; i += 1) await ask(federation.gateway, address);
    expectRateLimited(await ask(federation.gateway, address));
    for (const path of ['/livez', '/readyz', '/metrics']) {
      for (let i = 0; i < 5; i += 1) expect((await send(`${federation.gateway.origin}${path}`, address)).status, path).toBe(200);
    }
    const metrics = (await send(`${federation.gateway.origin}/metrics`, address)).body as string;
    const refused = Number(/^gateway_rate_limited_requests_total\{role="public"\} (\d+)$/m.exec(metrics)?.[1]);
    expect(refused).toBeGreaterThanOrEqual(2);
  });

  it('spends the public budget of a request whose token is refused, so forged tokens cannot be sprayed', async () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i += 1) {
      const answer = await ask(federation.gateway, address, { authorization: 'Bearer not.a.token' });
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await ask(federation.gateway, address, { authorization: 'Bearer not.a.token' }));
    expectRateLimited(await ask(federation.gateway, address));
  });
});

await describeWithServer(TEST_REDIS, 'the rate limit of two gateway replicas sharing Redis', () => {
  const replicas: GatewayProcess[] = [];
  beforeAll(async () => {
    const env = { ...LIMITS, ECOGRAPH_RATE_LIMIT_PUBLIC: '4', ECOGRAPH_REDIS_URL: TEST_REDIS_URL };
    replicas.push(...await Promise.all([startGatewayProcess(federation.registry, { env }), startGatewayProcess(federation.registry, { env })]));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it('enforces one budget across both: the fifth request is refused whichever replica it reaches', async () => {
    const [a, b] = replicas as [GatewayProcess, GatewayProcess];
    const address = freshAddress();
    const statuses = [];
    for (const replica of [a, b, a, b, a, b]) statuses.push((await ask(replica, address)).status);
    // Had a replica lost Redis (and limited from memory), it would say so here, once its batched log is written.
    await Promise.all([a.settledOutput(), b.settledOutput()]);
    expect([...a.logs(), ...b.logs()].filter((line) => String(line['msg']).startsWith('rate limiter'))).toEqual([]);
    // Each replica alone would have allowed 4: together they allowed 4 in all.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expectRateLimited(await ask(a, address));
    expect((await ask(b, freshAddress())).status).toBe(200);
  });
});
