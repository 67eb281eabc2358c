/**
 * The region calling the gateway back (section assessments, settlements) as the caller it serves,
 * over the real processes: it forwards the gateway token of the request it is answering, so the
 * callback neither spends the region's address budget (under `npm start`, every local public
 * caller's too) nor the caller's own budget again, and the caller's jurisdiction holds for the
 * bureau data the region computes from. The gateway runs with tiny public and per-subject budgets;
 * the region is restarted on its port with ECOGRAPH_GATEWAY_URL once the gateway's URL is known.
 */
import { request } from 'node:http';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { gatewayHeadersFor } from '../fixtures/gatewayTrust.ts';
import { foreignPrivateKey } from '../schema/gateway-token/forgeTokens.ts';
import { createBureauTokenSigner } from '../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { PUBLIC_CALLER } from '../../gateway/request/Caller.ts';

const LIMITS = { ECOGRAPH_RATE_LIMIT_PUBLIC: '2', ECOGRAPH_RATE_LIMIT_AUTHENTICATED: '3', ECOGRAPH_RATE_LIMIT_WINDOW_S: '60' };
const HOUR = 3_600_000;
const CST = 8 * HOUR;
/** The last full month in China Standard Time: always inside the seeded 90 days. */
const lastMonth = (() => {
  const now = new Date(Date.now() + CST);
  const year = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const month = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
})();

const ASSESSMENTS = `query($period: String!) { sections(crossBorderOnly: true) { id assessment(period: $period) { waterClass meetsTarget } } }`;

let federation: GatewayFederation;
/** Section id → the bureau of its station (sections without a station are left out). */
let stationBureau: Map<string, string>;

interface Answer {
  readonly status: number;
  readonly body: any;
}

/** One GraphQL POST from the loopback address `from` (127.0.0.1 is the region's own address). */
function ask(from: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(federation.gateway.url, {
      method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}

const bearer = async (sub: string, claims: Record<string, unknown> = {}) => ({ authorization: `Bearer ${await callerToken({ sub, ...claims })}` });
/** A loopback address other than 127.0.0.1: a client of its own. */
const elsewhere = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

beforeAll(async () => {
  // Scale 0.1, as standards.test.ts: every cross-border section's station has readings last month.
  federation = await startGatewayFederation({ scale: 0.1, gatewayEnv: LIMITS });
  // Each poll as a subject of its own, from an address of its own: the tiny budgets are for the tests.
  let poll = 0;
  stationBureau = await federation.connectRegionToGateway(async () => {
    poll += 1;
    const res = await ask(elsewhere(), '{ sections(crossBorderOnly: true) { id station { cityCode } } }', {}, await bearer(`waiter-${poll}`));
    const sections = res.body?.data?.['sections'];
    return sections?.length ? new Map<string, string>(sections.filter((s: any) => s.station).map((s: any) => [s.id, s.station.cityCode])) : null;
  });
}, 120_000);

afterAll(async () => {
  await federation?.stop();
});

function expectAssessed(answer: Answer) {
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  const monitored = answer.body.data.sections.filter((s: any) => stationBureau.has(s.id));
  expect(monitored.length).toBeGreaterThanOrEqual(5);
  for (const s of monitored) expect(s.assessment, s.id).toMatchObject({ waterClass: expect.any(String), meetsTarget: expect.any(Boolean) });
}

describe('rate limits', () => {
  it("answers section assessments while anonymous callers at the region's own address are refused", async () => {
    // Spend the public budget of 127.0.0.1, the address the region calls back from.
    let refused: Answer | undefined;
    for (let i = 0; i < 5 && !refused; i += 1) {
      const res = await ask('127.0.0.1', '{ cities { code } }');
      if (res.status === 429) refused = res;
    }
    expect(refused?.body.errors[0].extensions.code).toBe('RATE_LIMITED');

    // A signed-in caller at that same address: 3 requests are its whole budget, and each one makes
    // the region call back at least once. The callbacks are charged to neither.
    const assessor = await bearer('assessor');
    for (let i = 0; i < 3; i += 1) expectAssessed(await ask('127.0.0.1', ASSESSMENTS, { period: lastMonth }, assessor));
    expect((await ask('127.0.0.1', ASSESSMENTS, { period: lastMonth }, assessor)).status).toBe(429);

    // An anonymous caller elsewhere, within its own budget, is assessed too (callback as the public role).
    expectAssessed(await ask(elsewhere(), ASSESSMENTS, { period: lastMonth }));
    // …and 127.0.0.1 is still refused: the callbacks did not come through its budget, nor reset it.
    expect((await ask('127.0.0.1', '{ cities { code } }')).status).toBe(429);
  });
});

describe('jurisdiction', () => {
  it("assesses only from the bureaus the caller may reach: the others' sections are FORBIDDEN, and so is a settlement that needs one", async () => {
    const excluded = '500152';
    expect([...stationBureau.values()]).toContain(excluded);
    const scoped = await bearer('scoped', { jurisdiction: federation.codes.filter((c) => c !== excluded) });
    const res = await ask(elsewhere(), ASSESSMENTS, { period: lastMonth }, scoped);
    expect(res.status).toBe(200);
    const sections: any[] = res.body.data.sections;
    const errors: any[] = res.body.errors ?? [];
    sections.forEach((s, i) => {
      const bureau = stationBureau.get(s.id);
      if (bureau === undefined) return expect(s.assessment).toBeNull(); // no station: nothing to assess
      if (bureau !== excluded) return expect(s.assessment, s.id).toMatchObject({ waterClass: expect.any(String) });
      expect(s.assessment).toBeNull();
      const error = errors.find((e) => e.path?.join('.') === `sections.${i}.assessment`);
      expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'out-of-jurisdiction', cityCode: excluded, city: 'region' });
    });
    expect(errors.every((e) => e.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(errors.length).toBe([...stationBureau.values()].filter((b) => b === excluded).length);

    // 琼江 needs 光辉 (潼南 500152): refused; 嘉陵江/渠江 (重庆 500000) is settled.
    const settlements = await ask(elsewhere(), `query($month: String!, $year: String!) {
      qiong: compensationAgreement(id: "qiongjiang-510900-500152") { settlement(period: $month) { period } }
      jl: compensationAgreement(id: "jialingjiang-qujiang-511600-500000") { settlement(period: $year) { period } } }`,
    { month: lastMonth, year: lastMonth.slice(0, 4) }, scoped);
    expect(settlements.body.data.qiong.settlement).toBeNull();
    expect(settlements.body.errors).toHaveLength(1);
    expect(settlements.body.errors[0]).toMatchObject({ path: ['qiong', 'settlement'], extensions: { code: 'FORBIDDEN', cityCode: excluded } });
    expect(settlements.body.data.jl.settlement).toEqual({ period: lastMonth.slice(0, 4) });
  });
});

describe('the callback credential', () => {
  it("takes only the gateway's own tokens for the region or a served bureau (bureaus call back for incidents), never another key's", async () => {
    const query = '{ station(cityCode: "500152", id: "x") { id } }';
    // The gateway's region token speaks for its caller: here one whose jurisdiction excludes 500152.
    const own = await ask(elsewhere(), query, {}, gatewayHeadersFor('region', { sub: 'forwarded', jurisdiction: ['510900'] }));
    expect(own.status).toBe(200);
    expect(own.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'out-of-jurisdiction', city: '500152' });

    // A served bureau's audience is a callback too (an incident's recipients), worth only its caller.
    const bureauAudience = await ask(elsewhere(), query, {}, gatewayHeadersFor('500152', { sub: 'forwarded', jurisdiction: ['510900'] }));
    expect(bureauAudience.status).toBe(200);
    expect(bureauAudience.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'out-of-jurisdiction', city: '500152' });

    const unknownAudience = await ask(elsewhere(), query, {}, gatewayHeadersFor('999999'));
    expect(unknownAudience.status).toBe(401);
    expect(unknownAudience.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'wrong-audience' });

    const foreign = createBureauTokenSigner(foreignPrivateKey())('region', PUBLIC_CALLER);
    const forged = await ask(elsewhere(), query, {}, { authorization: `Bearer ${foreign}` });
    expect(forged.status).toBe(401);
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'bad-signature' });
  });
});
