/**
 * The gateway's operations surface over real processes: Prometheus metrics at /metrics, the
 * request id round trip (client → gateway → bureau → client), and request logs that never carry a
 * token or variables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { startProxyWithDelay, type ProxyWithDelay } from '../fixtures/proxyWithDelay.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const RECORDED = '500153'; // reached through a recording proxy, to see the headers the gateway sends
const KILLED = '500152';

let federation: GatewayFederation;
let proxy: ProxyWithDelay;
const forwardedIds: string[] = [];

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [KILLED, RECORDED] });
  proxy = await startProxyWithDelay(federation.bureau(RECORDED).url, {
    delayMs: 0,
    delayIf: (req) => {
      const id = req.headers['x-request-id'];
      if (typeof id === 'string') forwardedIds.push(id);
      return false;
    },
  });
  federation.gateway.writeRegistry({
    ...federation.registry,
    cities: federation.registry.cities.map((c) => (c.code === RECORDED ? { ...c, url: proxy.url } : c)),
  });
  await pollUntil(readiness, (r) => r.cities.some((c) => c.code === RECORDED && c.url === proxy.url && c.status === 'up'), `${RECORDED} behind the proxy`);
});

afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
});

async function readiness() {
  return (await readReadiness(federation.gateway.origin)).body;
}

function ask(query: string, options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
  return fetch(federation.gateway.url, {
    method: 'POST',
    // As an analyst with every scope (cases are partners-only); a test's own headers go last.
    headers: { 'content-type': 'application/json', ...federation.gateway.callerHeaders, ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
}

async function scrape() {
  const res = await fetch(`${federation.gateway.origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample, 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (match?.[1] === name && wanted.every((w) => (match[2] ?? '').split(',').includes(w))) return Number(match[3]);
  }
  return 0;
}

const CASES = 'query CasesForOps($search: String) { enforcementCases(first: 1, search: $search) { totalCount } }';

describe('/metrics', () => {
  it('counts requests by operation name and outcome, and times them', async () => {
    const before = await scrape();
    const ok = await ask(CASES);
    expect(((await ok.json()) as { errors?: unknown }).errors).toBeUndefined();
    await ask('query BrokenOps { noSuchField }');
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('gateway_requests_total', { operation: 'CasesForOps', outcome: 'ok' })).toBe(1);
    expect(delta('gateway_requests_total', { operation: 'BrokenOps', outcome: 'error' })).toBe(1);
    expect(delta('gateway_request_duration_seconds_count', { operation: 'CasesForOps', outcome: 'ok' })).toBe(1);
    expect(sample(after, 'gateway_subgraph_request_duration_seconds_count', { city: RECORDED })).toBeGreaterThan(0);
    expect(sample(after, 'gateway_bureau_circuit_state', { city: RECORDED })).toBe(0);
    expect(sample(after, 'gateway_bureau_contract_state', { city: RECORDED, status: 'up' })).toBe(1);
  });

  it('counts document cache hits when the same operation comes again', async () => {
    await ask(CASES);
    const before = await scrape();
    await ask(CASES);
    const after = await scrape();
    expect(sample(after, 'gateway_document_cache_hits_total', {}) - sample(before, 'gateway_document_cache_hits_total', {})).toBe(1);
  });
});

describe('request ids', () => {
  it('echoes a valid incoming x-request-id and forwards it to the bureaus', async () => {
    const res = await ask(CASES, { headers: { 'x-request-id': 'ops-test.id_42' } });
    expect(res.headers.get('x-request-id')).toBe('ops-test.id_42');
    expect(forwardedIds).toContain('ops-test.id_42');
  });

  it('generates an id when none comes, and forwards that one', async () => {
    const res = await ask(CASES);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwardedIds).toContain(id);
  });

  it('names refusals made before any GraphQL work too: a forged token (401), a CSRF-suspect GET, a body that is not JSON', async () => {
    const forged = await ask(CASES, { headers: { authorization: 'Bearer not.a.token', 'x-request-id': 'refused-401' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-request-id')).toBe('refused-401');
    const csrf = await fetch(`${federation.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'x-request-id': 'refused-csrf' } });
    expect(csrf.status).toBe(400);
    expect(csrf.headers.get('x-request-id')).toBe('refused-csrf');
    const notJson = await fetch(federation.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces an invalid incoming id (bad characters, or longer than 64) with a generated one', async () => {
    for (const bad of ['has space', 'x'.repeat(65), 'inject\\"quote']) {
      const res = await ask(CASES, { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('request logs', () => {
  it('write one line per request with id, operation, duration and outcome, and never the token or the variables', async () => {
    // A real token: a forged one is refused before any request line (test/e2e/security covers that log).
    const token = await callerToken({ sub: 'ops-check', scope: 'cases:read' });
    const res = await ask(CASES, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'log-check-1' },
      variables: { search: '13800138000' },
    });
    await res.json();
    const line = await pollUntil(async () => federation.gateway.logs().find((l) => l['requestId'] === 'log-check-1'), (l) => l !== undefined, 'the request log line');
    expect(line).toMatchObject({ msg: 'request', operationName: 'CasesForOps', outcome: 'ok', level: 'info' });
    expect(typeof line!['durationMs']).toBe('number');
    const output = federation.gateway.output();
    expect(output).not.toContain(token.split('.')[2]!);
    expect(output).not.toContain('13800138000');
  });
});

describe('a killed bureau', () => {
  it('shows up in the failure counters by city code and reason, and as an open circuit', async () => {
    await federation.killBureau(KILLED);
    const answer = (await (await ask(CASES)).json()) as { errors?: unknown };
    expect(answer.errors).toMatchObject([{ extensions: { code: 'CITY_UNAVAILABLE', city: KILLED } }]);
    const text = await scrape();
    const failures = text.split('\n').filter((l) => l.startsWith('gateway_subgraph_request_failures_total{') && l.includes(`city="${KILLED}"`));
    expect(failures.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0)).toBeGreaterThan(0);
    // The registry's re-check sees it down and opens its circuit (2).
    await pollUntil(scrape, (t) => sample(t, 'gateway_bureau_circuit_state', { city: KILLED }) === 2, 'the open circuit in /metrics');
    expect(sample(await scrape(), 'gateway_bureau_contract_state', { city: KILLED, status: 'down' })).toBe(1);
  });
});

// Last: it stops the gateway.
describe('stopping the gateway', () => {
  it('writes the log lines still held in its batch: the last request\'s line is there after SIGTERM', async () => {
    const res = await ask(CASES, { headers: { 'x-request-id': 'last-before-stop' } });
    await res.json();
    await federation.gateway.stop(); // at once: well within the batch's 1 s, so the line is still buffered
    await pollUntil(async () => federation.gateway.logs().find((l) => l['requestId'] === 'last-before-stop'), (l) => l !== undefined, 'the last request line');
  });
});
