/**
 * Deadlines and cancellation between the gateway and the subgraphs, with real processes on free
 * loopback ports and a holding proxy in front of the subgraph under test: a client that hangs up
 * cancels its bureau requests, a region deadline edited in the registry file applies at once, and
 * the fetches of one request share one deadline.
 * The tests run in order over one federation; each one puts the registry back as it found it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import type { GatewayRegistryInput } from '../fixtures/gatewayProcess.ts';
import { startProxyWithDelay, type ProxyRequest, type ProxyWithDelay } from '../fixtures/proxyWithDelay.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const TEST_TIMEOUT_MS = 90_000;
/** How long a test waits for something the gateway must do at once (a shared 2-core machine). */
const PROMPTLY_MS = 10_000;
const BUREAU = '510900';

let federation: GatewayFederation;
/** Holds the bureau's data queries (never its schema or health) for as long as the test says. */
let bureauProxy: ProxyWithDelay;
/** The same in front of the region. */
let regionProxy: ProxyWithDelay;
const dataQueries = (req: ProxyRequest) => req.path.startsWith('/graphql') && !req.body.includes('_service');

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [BUREAU] });
  [bureauProxy, regionProxy] = await Promise.all([
    startProxyWithDelay(federation.bureau(BUREAU).url, { delayMs: 0, delayIf: dataQueries }),
    startProxyWithDelay(federation.region().url, { delayMs: 0, delayIf: dataQueries }),
  ]);
});

afterAll(async () => {
  await Promise.all([federation?.stop(), bureauProxy?.close(), regionProxy?.close()]);
});

const readyz = () => readReadiness(federation.gateway.origin);
const restoreRegistry = async () => {
  federation.gateway.writeRegistry(federation.registry);
  await pollUntil(readyz, (r) => r.status === 200 && r.body.region['url'] === federation.registry.region.url &&
    r.body.cities.every((c) => c['url'] === federation.bureau(BUREAU).url && c['status'] === 'up'), 'the original registry back');
};

/** Rejects if `promise` has not settled within `ms`, naming what was awaited. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const metric = async (line: string) => {
  const text = await (await fetch(`${federation.gateway.origin}/metrics`)).text();
  return Number(text.split('\n').find((l) => l.startsWith(line))?.split(' ').at(-1) ?? 0);
};

describe('a client that hangs up', () => {
  it('cancels its bureau requests: the bureau sees its request aborted before it answered', async () => {
    try {
      const registry: GatewayRegistryInput = {
        ...federation.registry,
        // A deadline far beyond this test's wait: only the client's hang-up can end the request in time.
        cities: federation.registry.cities.map((c) => (c.code === BUREAU ? { ...c, url: bureauProxy.url, timeoutMs: 60_000 } : c)),
      };
      federation.gateway.writeRegistry(registry);
      await pollUntil(readyz, (r) => r.body.cities.some((c) => c['url'] === bureauProxy.url && c['status'] === 'up'), 'the bureau behind the proxy');
      bureauProxy.setDelay(60_000);
      const cancelledBefore = await metric(`gateway_subgraph_requests_cancelled_total{city="${BUREAU}"}`);

      const held = bureauProxy.next('held');
      const abandoned = bureauProxy.next('abandoned');
      const client = request(federation.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...federation.gateway.callerHeaders },
      });
      client.on('error', () => {}); // destroyed on purpose below
      client.end(JSON.stringify({ query: '{ enforcementCases(first: 5) { totalCount edges { node { id } } } }' }));
      const asked = await within(held, PROMPTLY_MS, 'the bureau request reaching the bureau');
      expect(asked.body).toContain('enforcementCases');

      client.destroy(); // the client hangs up while the bureau works
      const aborted = await within(abandoned, PROMPTLY_MS, 'the bureau request being aborted');
      expect(aborted.body).toBe(asked.body);

      // Cancelled, not failed: counted apart, and the bureau's circuit stays closed.
      await expect.poll(() => metric(`gateway_subgraph_requests_cancelled_total{city="${BUREAU}"}`), { timeout: PROMPTLY_MS })
        .toBe(cancelledBefore + 1);
      const readiness = await readyz();
      expect(readiness.body.cities.find((c) => c['code'] === BUREAU)).toMatchObject({ status: 'up', circuit: 'closed' });
    } finally {
      bureauProxy.setDelay(0);
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});

describe('the region deadline in the registry file', () => {
  it('applies when only the region\'s timeoutMs is edited: a slow region is then cut at the new deadline', async () => {
    const CITIES = '{ cities { code } }';
    try {
      federation.gateway.writeRegistry({ ...federation.registry, region: { url: regionProxy.url, timeoutMs: 30_000 } });
      await pollUntil(readyz, (r) => r.body.region['url'] === regionProxy.url && r.body.region['status'] === 'up', 'the region behind the proxy');
      // The supergraph is rebuilt on the new URL a moment later: wait until region queries go through the proxy.
      await pollUntil(async () => {
        const before = regionProxy.delayedCount();
        await postGraphQL(federation.gateway.url, CITIES);
        return regionProxy.delayedCount() > before;
      }, Boolean, 'region queries through the proxy');

      regionProxy.setDelay(3_000);
      const reloads = () => federation.gateway.logs().filter((l) => l['msg'] === 'registry reloaded').length;
      // The log is written in batches: the line of the reload above may still be on its way, and
      // counting it as this edit's reload would ask the region before the new deadline applies.
      await federation.gateway.settledOutput();
      const reloadsBefore = reloads();
      federation.gateway.writeRegistry({ ...federation.registry, region: { url: regionProxy.url, timeoutMs: 300 } });
      await pollUntil(async () => reloads(), (n) => n > reloadsBefore, 'the registry reloaded');

      const started = performance.now();
      const answer = await postGraphQL(federation.gateway.url, CITIES);
      const elapsed = performance.now() - started;
      expect(answer).toMatchObject({ errors: [{ extensions: { code: 'CITY_UNAVAILABLE', city: 'region', reason: 'timeout' } }] });
      expect(elapsed).toBeLessThan(2_000); // 300 ms, not the 30 s the region had, nor the proxy's 3 s
    } finally {
      regionProxy.setDelay(0);
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});

describe('one deadline per request', () => {
  it('gives the bureau fetch that follows a slow region fetch only what is left, not its own full deadline', async () => {
    // Sections come from the region; their stations from the bureaus: two fetches, one after the other.
    const SECTIONS = '{ sections { id station { cityCode name } } }';
    const DEADLINE_MS = 2_000;
    const REGION_HOLD_MS = 1_200;
    try {
      // Every subgraph's own deadline is 2 s, so the request's deadline (by default the longest) is 2 s.
      federation.gateway.writeRegistry({
        ...federation.registry,
        region: { url: regionProxy.url, timeoutMs: DEADLINE_MS },
        cities: federation.registry.cities.map((c) => ({ ...c, url: c.code === BUREAU ? bureauProxy.url : c.url, timeoutMs: DEADLINE_MS })),
      });
      await pollUntil(readyz, (r) => r.body.region['url'] === regionProxy.url && r.body.region['status'] === 'up' &&
        r.body.cities.some((c) => c['url'] === bureauProxy.url && c['status'] === 'up'), 'the region and the bureau behind their proxies');
      await pollUntil(async () => {
        const before = regionProxy.delayedCount();
        await postGraphQL(federation.gateway.url, SECTIONS);
        return regionProxy.delayedCount() > before;
      }, Boolean, 'region queries through the proxy');

      regionProxy.setDelay(REGION_HOLD_MS);
      bureauProxy.setDelay(30_000);
      const started = performance.now();
      const answer = await postGraphQL(federation.gateway.url, SECTIONS);
      const elapsed = performance.now() - started;

      expect(answer.errors?.find((e) => e.extensions?.['city'] === BUREAU)?.extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', reason: 'timeout' });
      expect((answer.data as { sections?: unknown[] } | undefined)?.sections?.length).toBeGreaterThan(0); // the region's part came
      // Each fetch's own deadline would add up to 1.2 s + 2 s; one shared deadline ends at 2 s
      // (plus the gateway's own work on a loaded machine, well below the 1.2 s difference).
      expect(elapsed).toBeLessThan(REGION_HOLD_MS + DEADLINE_MS - 400);
    } finally {
      regionProxy.setDelay(0);
      bureauProxy.setDelay(0);
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});

describe('identical queries in flight', () => {
  it('share one bureau request, counted as saved, and the client that started it hanging up does not cancel it for the other', async () => {
    const CASES = '{ enforcementCases(first: 3) { totalCount edges { node { id } } } }';
    try {
      federation.gateway.writeRegistry({
        ...federation.registry,
        cities: federation.registry.cities.map((c) => (c.code === BUREAU ? { ...c, url: bureauProxy.url, timeoutMs: 30_000 } : c)),
      });
      await pollUntil(readyz, (r) => r.body.cities.some((c) => c['url'] === bureauProxy.url && c['status'] === 'up'), 'the bureau behind the proxy');
      bureauProxy.setDelay(3_000);
      const savedBefore = await metric(`gateway_subgraph_requests_deduplicated_total{city="${BUREAU}"}`);
      const cancelledBefore = await metric(`gateway_subgraph_requests_cancelled_total{city="${BUREAU}"}`);

      // The first client starts the bureau request, then hangs up while a second one waits for it too.
      const held = bureauProxy.next('held');
      const first = request(federation.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...federation.gateway.callerHeaders },
      });
      first.on('error', () => {}); // destroyed on purpose below
      first.end(JSON.stringify({ query: CASES }));
      await within(held, PROMPTLY_MS, 'the bureau request reaching the bureau');
      const heldBefore = bureauProxy.delayedCount();
      const second = postGraphQL(federation.gateway.url, CASES, undefined, federation.gateway.callerHeaders);
      await expect.poll(() => metric(`gateway_subgraph_requests_deduplicated_total{city="${BUREAU}"}`), { timeout: PROMPTLY_MS })
        .toBe(savedBefore + 1);
      first.destroy();
      // The first client's wait ends as cancelled while the bureau is still working on the shared request.
      await expect.poll(() => metric(`gateway_subgraph_requests_cancelled_total{city="${BUREAU}"}`), { timeout: PROMPTLY_MS })
        .toBe(cancelledBefore + 1);

      const answer = await within(second, PROMPTLY_MS, 'the second client\'s answer');
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({ enforcementCases: { totalCount: expect.any(Number) } });
      expect(bureauProxy.delayedCount()).toBe(heldBefore); // the bureau was asked once
    } finally {
      bureauProxy.setDelay(0);
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});
