/**
 * Cooperation (issue #11, first slice) across real processes: 遂宁 (510900) reports an incident on
 * 琼江 above the 光辉 border section; the bureau asks the region's rivers and sections through the
 * gateway (with the token it received), writes the incident, its notices and its outbox in one
 * transaction; the gateway's relay carries the notice to 潼南 (500152), the only bureau downstream
 * on 琼江 in the region's data; 潼南 acknowledges in its inbox and the acknowledgement travels back.
 * Also: a recipient down at send time, retries (50 at once), every refusal, and the access matrix.
 * The relay runs every 100 ms with a backoff capped at 400 ms (its clock is the process's: no
 * hour-long wait can happen); every wait is a poll with a deadline, never a fixed sleep.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { officerToken, writeAccessMatrix } from '../fixtures/writeAccessMatrix.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '100', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };

let federation: GatewayFederation;
let reporter: string;
let acknowledger: string;
let analyst: string;

const REPORT = `mutation Report($cityCode: ID!, $key: ID!, $input: ReportIncidentInput!) {
  reportIncident(cityCode: $cityCode, idempotencyKey: $key, input: $input) {
    id cityCode title status occurredAt river { id } nearestSectionId grade { level name }
    reports { sequence kind author { sub bureau } }
    notices { id recipientCityCode state }
  }
}`;
const ADD_REPORT = `mutation Add($cityCode: ID!, $key: ID!, $incidentId: ID!, $input: AddIncidentReportInput!) {
  addIncidentReport(cityCode: $cityCode, idempotencyKey: $key, incidentId: $incidentId, input: $input) { id status reports { kind } }
}`;
const ACK = `mutation Ack($cityCode: ID!, $key: ID!, $noticeId: ID!) {
  acknowledgeNotice(cityCode: $cityCode, idempotencyKey: $key, noticeId: $noticeId) { id state acknowledgedBy { sub bureau } }
}`;
const INCIDENT = `query One($id: ID!) { node(id: $id) { ... on EnvironmentalIncident { id status
  notices { id recipientCityCode state deliveredAt acknowledgedAt acknowledgedBy { sub bureau } history { action actor { sub bureau } } }
  history { action actor { sub bureau } requestId } } } }`;
const INBOXES = `query Inboxes($cityCodes: [ID!]) { receivedNotices(cityCodes: $cityCodes, first: 100) {
  totalCount edges { node { id cityCode incidentId senderCityCode recipientCityCode state } } } }`;
const COUNT = `query Count { incidents(cityCodes: ["${SUINING}"], first: 0) { totalCount } }`;

const ask = async (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> =>
  postGraphQL(federation.gateway.url, query, variables, token === null ? {} : { authorization: `Bearer ${token}` });

const input = (overrides: Record<string, unknown> = {}) => ({
  title: '琼江安居段柴油罐车侧翻泄漏', description: '罐车侧翻，约 2 吨柴油入琼江，距光辉断面上游约 18 公里。',
  occurredAt: '2026-05-01T08:30:00+08:00', location: { longitude: 105.56, latitude: 30.21 },
  riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan', pollutants: ['石油类'], facts: { crossBorder: 'PROVINCIAL' },
  ...overrides,
});

const report = (variables: Record<string, unknown>, token = reporter) =>
  ask(token, REPORT, { cityCode: SUINING, key: randomUUID(), input: input(), ...variables });

const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.['code']);
const incidentCount = async () => (await ask(analyst, COUNT)).data?.['incidents']?.totalCount as number;

beforeAll(async () => {
  federation = await startGatewayFederation({ gatewayEnv: RELAY_ENV });
  // The reporter calls the gateway back for the region's sections: restart it knowing where the gateway is.
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  reporter = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'incidents:write' });
  acknowledger = await callerToken({ sub: 'zhao.lei', bureau: TONGNAN, scope: 'notices:acknowledge' });
  analyst = await callerToken({ sub: 'analyst', bureau: '500000' });
  await pollUntil(() => incidentCount().catch(() => undefined), (n) => typeof n === 'number', 'the restarted reporter served again');
}, 180_000);

afterAll(async () => {
  await federation?.stop();
});

describe('an incident on 琼江 reported by 遂宁', () => {
  it('notifies 潼南 (downstream) and no one else, and carries its acknowledgement back', async () => {
    const answer = await report({});
    expect(answer.errors).toBeUndefined();
    const incident = answer.data?.['reportIncident'];
    expect(incident).toMatchObject({
      cityCode: SUINING, status: 'OPEN', river: { id: 'qiongjiang' }, nearestSectionId: 'qiongjiang-daan',
      grade: { level: 'II' }, // cross-province impact → at least II (国办函〔2014〕119号)
      reports: [{ sequence: 1, kind: 'INITIAL', author: { sub: 'wang.fang', bureau: SUINING } }],
    });
    expect(incident.notices.map((n: { recipientCityCode: string }) => n.recipientCityCode)).toEqual([TONGNAN]);

    const delivered = await pollUntil(() => ask(analyst, INCIDENT, { id: incident.id }), (a) => a.data?.['node']?.notices[0]?.state === 'DELIVERED',
      'the notice DELIVERED at the sender', { timeoutMs: 20_000 });
    expect(delivered.data?.['node'].notices[0].deliveredAt).toBeTypeOf('string');

    const inbox = await pollUntil(() => ask(acknowledger, INBOXES, { cityCodes: [TONGNAN] }),
      (a) => (a.data?.['receivedNotices']?.edges ?? []).some((e: { node: { incidentId: string } }) => e.node.incidentId === incident.id), 'the notice in 潼南\'s inbox');
    const copy = inbox.data?.['receivedNotices'].edges.find((e: { node: { incidentId: string } }) => e.node.incidentId === incident.id).node;
    expect(copy).toMatchObject({ cityCode: TONGNAN, senderCityCode: SUINING, recipientCityCode: TONGNAN, state: 'DELIVERED' });

    const everywhere = await ask(analyst, INBOXES);
    const holders = everywhere.data?.['receivedNotices'].edges
      .filter((e: { node: { incidentId: string } }) => e.node.incidentId === incident.id).map((e: { node: { cityCode: string } }) => e.node.cityCode);
    expect(holders).toEqual([TONGNAN]);

    const acked = await ask(acknowledger, ACK, { cityCode: TONGNAN, key: randomUUID(), noticeId: copy.id });
    expect(acked.errors).toBeUndefined();
    expect(acked.data?.['acknowledgeNotice']).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: { sub: 'zhao.lei', bureau: TONGNAN } });

    const back = await pollUntil(() => ask(analyst, INCIDENT, { id: incident.id }), (a) => a.data?.['node']?.notices[0]?.state === 'ACKNOWLEDGED',
      'the acknowledgement back at 遂宁', { timeoutMs: 20_000 });
    const notice = back.data?.['node'].notices[0];
    expect(notice.acknowledgedBy).toEqual({ sub: 'zhao.lei', bureau: TONGNAN });
    expect(notice.history.map((h: { action: string }) => h.action)).toEqual(['QUEUED', 'DELIVERED', 'ACKNOWLEDGED']);
    expect(back.data?.['node'].history).toMatchObject([{ action: 'REPORTED', actor: { sub: 'wang.fang', bureau: SUINING } }]);
  }, 60_000);

  it('shows 潼南\'s officer the reporter\'s incident through its inbox copy, and nothing of it outside the officer\'s jurisdiction', async () => {
    const title = `琼江泄漏-${randomUUID()}`;
    const { id } = (await report({ input: input({ title }) })).data?.['reportIncident'];
    const WITH_INCIDENT = `query Inbox($cityCodes: [ID!]) { receivedNotices(cityCodes: $cityCodes, first: 100) { edges { node {
      id cityCode incidentId incident { id cityCode title status grade { level } reports { kind author { bureau } } } } } } }`;
    type Edge = { node: { incidentId: string; cityCode: string; incident: unknown } };
    const ours = (a: GraphQLAnswer) => (a.data?.['receivedNotices']?.edges as Edge[] | undefined)?.find((e) => e.node.incidentId === id)?.node;
    const officer = await officerToken(TONGNAN, 'notices:acknowledge');
    const answer = await pollUntil(() => ask(officer, WITH_INCIDENT, { cityCodes: [TONGNAN] }), (a) => ours(a) !== undefined, 'the notice in 潼南\'s inbox');
    expect(answer.errors).toBeUndefined();
    // 潼南 holds only the notice; the incident comes from 遂宁, which reported it.
    expect(ours(answer)).toMatchObject({
      cityCode: TONGNAN,
      incident: { id, cityCode: SUINING, title, status: 'OPEN', grade: { level: 'II' }, reports: [{ kind: 'INITIAL', author: { bureau: SUINING } }] },
    });

    // An officer whose token reaches 潼南 only: the notice, but the incident at 遂宁 is FORBIDDEN and 遂宁 is not asked.
    const narrow = await officerToken(TONGNAN, 'notices:acknowledge', [TONGNAN]);
    const limited = await ask(narrow, WITH_INCIDENT, { cityCodes: [TONGNAN] });
    expect(ours(limited)).toMatchObject({ cityCode: TONGNAN, incident: null });
    expect(limited.errors?.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'FORBIDDEN', reason: 'out-of-jurisdiction' }));
  }, 60_000);

  it('delivers to a recipient that was down when the incident was reported, once it is back', async () => {
    await federation.killBureau(TONGNAN);
    const answer = await report({});
    expect(answer.errors).toBeUndefined();
    const { id } = answer.data?.['reportIncident'];
    const metrics = await pollUntil(() => fetch(`${federation.gateway.origin}/metrics`).then((r) => r.text()),
      (text) => /gateway_cooperation_pending_deliveries\{city="510900"\} [1-9]/.test(text), 'the pending delivery in /metrics');
    expect(metrics).toMatch(/gateway_cooperation_oldest_pending_age_seconds\{city="510900"\} \d/);
    expect((await ask(analyst, INCIDENT, { id })).data?.['node'].notices[0].state).toBe('PENDING');
    await federation.restartBureau(TONGNAN);
    await pollUntil(() => ask(analyst, INCIDENT, { id }), (a) => a.data?.['node']?.notices[0]?.state === 'DELIVERED',
      'the delivery after 潼南 came back', { timeoutMs: 30_000 });
    await pollUntil(() => fetch(`${federation.gateway.origin}/metrics`).then((r) => r.text()),
      (text) => /gateway_cooperation_pending_deliveries\{city="510900"\} 0/.test(text), 'no pending delivery in /metrics');
  }, 90_000);

  it('keeps one record for 50 concurrent retries, and refuses the key with other input', async () => {
    const before = await incidentCount();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(reporter, REPORT, { cityCode: SUINING, key, input: input() })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['reportIncident'].id)).size).toBe(1);
    expect(await incidentCount()).toBe(before + 1);
    const reused = await ask(reporter, REPORT, { cityCode: SUINING, key, input: input({ title: '另一事件' }) });
    expect(codes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await incidentCount()).toBe(before + 1);
  }, 60_000);

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await incidentCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ input: input({ extraRecipients: ['123456'] }) }, 'INVALID_RECIPIENT'],
      [{ input: input({ extraRecipients: [SUINING] }) }, 'INVALID_RECIPIENT'],
      [{ input: input({ title: '标'.repeat(201) }) }, 'TEXT_TOO_LONG'],
      [{ input: input({ description: 'x'.repeat(4001) }) }, 'TEXT_TOO_LONG'],
      [{ input: input({ occurredAt: '2026-05-01 08:30' }) }, 'INVALID_TIME'],
      [{ input: input({ occurredAt: '2099-01-01T00:00:00+08:00' }) }, 'INVALID_TIME'],
      [{ input: input({ riverId: 'no-such-river', nearestSectionId: null }) }, 'RECIPIENTS_UNAVAILABLE'],
    ];
    for (const [variables, code] of cases) expect(codes(await report(variables)), code).toEqual([code]);
    expect(await incidentCount()).toBe(before);

    const { id } = (await report({ input: input({ riverId: null, nearestSectionId: null }) })).data?.['reportIncident'];
    const add = (kind: string) => ask(reporter, ADD_REPORT, { cityCode: SUINING, key: randomUUID(), incidentId: id, input: { kind, text: '处置情况' } });
    expect(codes(await add('FOLLOW_UP'))).toEqual([]);
    expect((await add('FINAL')).data?.['addIncidentReport']).toMatchObject({ status: 'CLOSED', reports: [{ kind: 'INITIAL' }, { kind: 'FOLLOW_UP' }, { kind: 'FINAL' }] });
    expect(codes(await add('FOLLOW_UP'))).toEqual(['INCIDENT_CLOSED']);

    // 遂宁 "acknowledging" its own sent notice: only the recipient's inbox copy can be acknowledged.
    const sent = (await report({})).data?.['reportIncident'].notices[0].id;
    const own = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'notices:acknowledge' });
    expect(codes(await ask(own, ACK, { cityCode: SUINING, key: randomUUID(), noticeId: sent }))).toEqual(['NOT_NOTICE_RECIPIENT']);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'incidents:write', otherScope: 'notices:acknowledge', otherBureau: TONGNAN });
    const before = await incidentCount();
    for (const [who, bearer, expected] of matrix) {
      const answer = await ask(bearer, REPORT, { cityCode: SUINING, key: randomUUID(), input: input({ riverId: null, nearestSectionId: null }) });
      expect(codes(answer)[0] ?? 'ok', who).toBe(expected);
    }
    expect(await incidentCount()).toBe(before + 1);

    const notAcknowledger = await officerToken(TONGNAN, 'incidents:write');
    const otherBureau = await officerToken(SUINING, 'notices:acknowledge');
    const inbox = (await ask(acknowledger, INBOXES, { cityCodes: [TONGNAN] })).data?.['receivedNotices'].edges[0].node.id;
    expect(codes(await ask(null, ACK, { cityCode: TONGNAN, key: randomUUID(), noticeId: inbox }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await ask(notAcknowledger, ACK, { cityCode: TONGNAN, key: randomUUID(), noticeId: inbox }))).toEqual(['FORBIDDEN']);
    expect(codes(await ask(otherBureau, ACK, { cityCode: TONGNAN, key: randomUUID(), noticeId: inbox }))).toEqual(['FORBIDDEN']);
  }, 60_000);
});
