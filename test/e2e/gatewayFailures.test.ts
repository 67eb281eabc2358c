/**
 * The gateway when parts of the federation fail, with real processes on free loopback ports: a
 * bureau that drifted from the contract, one that is too slow, one that crashes and comes back, a
 * registry edited while serving, and the region going down. The tests run in order over one
 * federation; each one puts the federation back as it found it.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFTED_FIELD, DRIFTED_TYPE, startDriftedSubgraph, type DriftedSubgraph } from '../fixtures/driftedSubgraph.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import type { GatewayRegistryInput } from '../fixtures/gatewayProcess.ts';
import { startProxyWithDelay, type ProxyWithDelay } from '../fixtures/proxyWithDelay.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

/** Per test: restarts and polls on a shared 2-core machine can take a while; polls fail first, with a message. */
const TEST_TIMEOUT_MS = 90_000;
/** Enough to fail one and still see the others: fewer processes start faster. */
const BUREAUS = ['500000', '500152', '510900'];
const DRIFTED_CODE = '510100'; // 成都: not one of the six, so a drifted fake cannot hide a real bureau

let federation: GatewayFederation;
let drifted: DriftedSubgraph;
/** Each bureau's cases, asked directly: the reference for what the gateway must return. */
const casesOf = new Map<string, string[]>();

beforeAll(async () => {
  [federation, drifted] = await Promise.all([startGatewayFederation({ bureaus: BUREAUS }), startDriftedSubgraph(DRIFTED_CODE)]);
  for (const code of federation.codes) {
    const answer = await federation.bureau(code).post('{ enforcementCases(first: 100) { edges { node { id } } } }');
    casesOf.set(code, answer.data!['enforcementCases'].edges.map((e: any) => e.node.id));
  }
});

afterAll(async () => {
  await Promise.all([federation?.stop(), drifted?.close()]);
});

const CASES = '{ enforcementCases(first: 100) { totalCount edges { node { id cityCode } } } }';
const askCases = () => postGraphQL(federation.gateway.url, CASES, undefined, federation.gateway.callerHeaders);
const casesExcept = (...codes: string[]) => federation.codes.filter((c) => !codes.includes(c)).flatMap((c) => casesOf.get(c)!).sort();
const idsOf = (answer: Awaited<ReturnType<typeof askCases>>) => (answer.data?.['enforcementCases']?.edges ?? []).map((e: any) => e.node.id).sort();

type Readiness = Awaited<ReturnType<typeof readReadiness>>;
const readyz = () => readReadiness(federation.gateway.origin);
const cityIn = (readiness: Readiness, code: string) => readiness.body.cities.find((c) => c['code'] === code);

/** Writes a registry edit and waits until /readyz shows it applied and checked. */
async function applyRegistry(registry: GatewayRegistryInput, applied: (r: Readiness) => boolean, what: string) {
  federation.gateway.writeRegistry(registry);
  return pollUntil(readyz, applied, what);
}
const withCity = (code: string, change: Record<string, unknown>): GatewayRegistryInput => ({
  ...federation.registry,
  cities: federation.registry.cities.map((c) => (c.code === code ? { ...c, ...change } : c)),
});
/** The original registry applied (same URLs, nothing extra) and every bureau checked up. */
const everyBureauUp = (r: Readiness) => r.status === 200 && r.body.region['status'] === 'up' &&
  JSON.stringify(r.body.cities.map((c) => [c['code'], c['url'], c['status'], c['circuit']])) ===
  JSON.stringify(federation.registry.cities.map((c) => [c.code, c.url, 'up', 'closed']));
const restoreRegistry = () => applyRegistry(federation.registry, everyBureauUp, 'the original registry, every bureau up');

describe('a bureau whose schema drifted from the contract', () => {
  it('is refused: /readyz names the differing definition and queries get CITY_UNAVAILABLE for it, data from the others', async () => {
    const registry = { ...federation.registry, cities: [...federation.registry.cities, { code: DRIFTED_CODE, name: 'drifted fake', url: drifted.url }] };
    try {
      const readiness = await applyRegistry(registry, (r) => cityIn(r, DRIFTED_CODE)?.['status'] === 'off-contract', 'the drifted bureau checked');
      expect(readiness.status).toBe(200); // the real bureaus still serve
      const detail = String(cityIn(readiness, DRIFTED_CODE)!['detail']);
      expect(detail).toContain(DRIFTED_TYPE);
      expect(detail).toContain(DRIFTED_FIELD);

      const answer = await askCases();
      expect(answer.errors).toMatchObject([{
        path: ['enforcementCases'],
        extensions: { code: 'CITY_UNAVAILABLE', city: DRIFTED_CODE, reason: 'off-contract' },
      }]);
      expect(answer.data!['enforcementCases'].totalCount).toBe(casesExcept().length);
      expect(idsOf(answer)).toEqual(casesExcept());
    } finally {
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});

describe('a slow bureau', () => {
  let proxy: ProxyWithDelay;
  beforeAll(async () => {
    // Its schema and health answer at once; its data queries take 2 s.
    proxy = await startProxyWithDelay(federation.bureau('510900').url, {
      delayMs: 2_000,
      delayIf: (req) => req.path.startsWith('/graphql') && !req.body.includes('_service'),
    });
  });
  afterAll(() => proxy?.close());

  it('is cut at its deadline: the answer comes well before its 2 s, with CITY_UNAVAILABLE (timeout) for it and the others\' data', async () => {
    try {
      await applyRegistry(withCity('510900', { url: proxy.url, timeoutMs: 500 }),
        (r) => cityIn(r, '510900')?.['url'] === proxy.url && cityIn(r, '510900')?.['status'] === 'up', '510900 behind the slow proxy');
      const started = performance.now();
      const answer = await askCases();
      const elapsed = performance.now() - started;

      expect(proxy.delayedCount()).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(1_500);
      expect(answer.errors).toMatchObject([{
        path: ['enforcementCases'],
        extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'timeout' },
      }]);
      expect(answer.data!['enforcementCases'].totalCount).toBe(casesExcept('510900').length);
      expect(idsOf(answer)).toEqual(casesExcept('510900'));
    } finally {
      await restoreRegistry();
    }
  }, TEST_TIMEOUT_MS);
});

describe('a bureau that crashes', () => {
  it('gives partial data and CITY_UNAVAILABLE naming it while down, and is taken back once it restarts on its port', async () => {
    await federation.killBureau('500152');
    try {
      await expectPartialAnswerWithout500152();
    } finally {
      await federation.restartBureau('500152');
    }
    const back = await pollUntil(askCases, (a) => a.errors === undefined, 'the fan-out without errors');
    expect(back.data!['enforcementCases'].totalCount).toBe(casesExcept().length);
    expect(idsOf(back)).toEqual(casesExcept());
    await pollUntil(readyz, everyBureauUp, 'every bureau up again');
  }, TEST_TIMEOUT_MS);

  async function expectPartialAnswerWithout500152() {
    const answer = await askCases();
    expect(answer.errors, JSON.stringify(answer.errors)).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['enforcementCases'], extensions: { code: 'CITY_UNAVAILABLE', city: '500152' } });
    expect(['unreachable', 'circuit-open']).toContain(answer.errors![0]!.extensions!['reason']);
    expect(answer.data!['enforcementCases'].totalCount).toBe(casesExcept('500152').length);
    expect(idsOf(answer)).toEqual(casesExcept('500152'));

    const down = await pollUntil(readyz, (r) => cityIn(r, '500152')?.['status'] === 'down', '/readyz to report 500152 down');
    expect(down.status).toBe(200); // the other bureaus still serve
  }
});

describe('hot reload of the registry file', () => {
  it('drops a bureau disabled in the file from fan-outs, and takes it back when re-enabled', async () => {
    try {
      federation.gateway.writeRegistry(withCity('500000', { enabled: false }));
      const without = await pollUntil(askCases, (a) => a.data?.['enforcementCases']?.totalCount === casesExcept('500000').length, '500000 out of the fan-out');
      expect(without.errors).toBeUndefined(); // switched off on purpose: not an outage
      expect(idsOf(without)).toEqual(casesExcept('500000'));
      expect(cityIn(await readyz(), '500000')).toMatchObject({ status: 'disabled' });
    } finally {
      federation.gateway.writeRegistry(federation.registry);
    }
    const back = await pollUntil(askCases, (a) => a.errors === undefined && a.data?.['enforcementCases']?.totalCount === casesExcept().length, '500000 back');
    expect(idsOf(back)).toEqual(casesExcept());
    await pollUntil(readyz, everyBureauUp, 'every bureau up again');
  }, TEST_TIMEOUT_MS);

  it.each([
    ['a file that is not JSON', () => JSON.stringify(withCity('500000', { enabled: false })).slice(0, 40)],
    ['a bureau listed twice', () => JSON.stringify({ ...withCity('500000', { enabled: false }), cities: [...federation.registry.cities, federation.registry.cities[0]] })],
    ['a malformed bureau code', () => JSON.stringify(withCity('500000', { enabled: false, code: '5000' }))],
  ])('rejects %s and keeps serving the previous registry', async (_what, broken) => {
    await federation.gateway.settledOutput(); // the log is batched: a previous case's line must not pass for this one's
    const rejectionsBefore = rejections().length;
    try {
      federation.gateway.writeRegistry(broken());
      const [rejection] = (await pollUntil(async () => rejections().slice(rejectionsBefore), (r) => r.length > 0, 'the rejection in the log'));
      expect(String(rejection!['detail'])).toContain(federation.gateway.registryPath);

      const answer = await askCases();
      expect(answer.errors).toBeUndefined();
      expect(idsOf(answer)).toEqual(casesExcept()); // 500000 stays: nothing of the broken edit applies
      expect(everyBureauUp(await readyz())).toBe(true);
    } finally {
      federation.gateway.writeRegistry(federation.registry);
    }
  }, TEST_TIMEOUT_MS);

  it('follows the file when an editor saves it by replacing it (write a temporary file, rename it over)', async () => {
    const replace = (registry: GatewayRegistryInput) => {
      const temporary = `${federation.gateway.registryPath}.tmp`;
      writeFileSync(temporary, JSON.stringify(registry));
      renameSync(temporary, federation.gateway.registryPath);
    };
    try {
      for (const enabled of [false, true, false]) {
        replace(withCity('500000', { enabled }));
        const expected = enabled ? casesExcept() : casesExcept('500000');
        await pollUntil(askCases, (a) => a.errors === undefined && a.data?.['enforcementCases']?.totalCount === expected.length, `500000 enabled=${enabled}`);
      }
    } finally {
      replace(federation.registry);
    }
    await pollUntil(askCases, (a) => a.errors === undefined && a.data?.['enforcementCases']?.totalCount === casesExcept().length, 'every bureau back');
    await pollUntil(readyz, everyBureauUp, 'every bureau up again');
  }, TEST_TIMEOUT_MS);
});

describe('readiness when the region is down', () => {
  it('answers /readyz with 503 and the reason, keeps answering bureau-only queries, and is ready again once the region is back', async () => {
    await federation.stopRegion();
    try {
      const down = await pollUntil(readyz, (r) => r.status === 503, '/readyz 503');
      expect(down.body).toMatchObject({ ready: false, region: { status: 'down' } });
      expect(down.body.region['detail']).toEqual(expect.stringMatching(/\w+/)); // why, for the operator

      const answer = await askCases();
      expect(answer.errors).toBeUndefined();
      expect(idsOf(answer)).toEqual(casesExcept());

      const joined = await postGraphQL(federation.gateway.url, '{ enforcementCases(first: 1) { edges { node { enterprise { name } } } } }', undefined, federation.gateway.callerHeaders);
      expect(joined.errors?.[0]?.extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'region' });
    } finally {
      await federation.restartRegion();
    }
    const up = await pollUntil(readyz, (r) => r.status === 200, '/readyz 200 again');
    expect(up.body).toMatchObject({ ready: true, region: { status: 'up' } });
  }, TEST_TIMEOUT_MS);
});

function rejections() {
  return federation.gateway.logs().filter((line) => line['msg'] === 'registry file rejected; keeping the previous one');
}
