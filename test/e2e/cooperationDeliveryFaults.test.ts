/**
 * Cooperation delivery under faults (issue #11: "nothing lost or doubled"), with real processes:
 * two gateway replicas relaying the same outboxes at once, the relaying gateway SIGKILLed in the
 * middle of a pair's delivery and replaced, and the sender (遂宁 510900) crashed and restarted while
 * its outbox holds pending notices for 潼南 (500152).
 *
 * The federation's own gateway serves GraphQL with its relay OFF, so every relay here is a gateway
 * process the test starts and kills itself. Relays run every 50 ms with a backoff capped at 400 ms;
 * every wait is a poll with a deadline (or an event), never a fixed sleep.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { startGatewayProcess, type GatewayProcess, type GatewayRegistryInput } from '../fixtures/gatewayProcess.ts';
import { startProxyWithDelay, type ProxyWithDelay } from '../fixtures/proxyWithDelay.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '50', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };
/** Incidents per test; three tests stay under one page (100) of incidents and of 潼南's inbox. */
const N = 20;

let federation: GatewayFederation;
let reporter: string;
let analyst: string;
/** Relaying gateways and proxies a test started, stopped after it whatever happened. */
const started: Array<GatewayProcess | ProxyWithDelay> = [];

const REPORT = `mutation Report($cityCode: ID!, $key: ID!, $input: ReportIncidentInput!) {
  reportIncident(cityCode: $cityCode, idempotencyKey: $key, input: $input) { id notices { recipientCityCode state } }
}`;
const SENT = `query Sent { incidents(cityCodes: ["${SUINING}"], first: 100) { totalCount edges { node { id
  notices { id recipientCityCode state history { action requestId } } } } } }`;
const INBOX = `query Inbox { receivedNotices(cityCodes: ["${TONGNAN}"], first: 100) { totalCount edges { node { id incidentId senderCityCode
  state createdAt history { action requestId } } } } }`;

interface SentNotice { id: string; recipientCityCode: string; state: string; history: Array<{ action: string; requestId: string }> }
interface ReceivedNotice { id: string; incidentId: string; senderCityCode: string; state: string; createdAt: string; history: Array<{ action: string; requestId: string }> }

const ask = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> =>
  postGraphQL(federation.gateway.url, query, variables, { authorization: `Bearer ${token}` });

/** Reports `count` incidents one after another (distinct keys): their ids in report order. */
const reportMany = async (count: number, label: string): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await ask(reporter, REPORT, {
      cityCode: SUINING, key: randomUUID(),
      input: {
        title: `${label} 琼江泄漏 #${i + 1}`, description: '罐车侧翻，柴油入琼江。', occurredAt: '2026-05-01T08:30:00+08:00',
        location: { longitude: 105.56, latitude: 30.21 }, riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan',
        facts: { crossBorder: 'PROVINCIAL' },
      },
    });
    expect(answer.errors, `report #${i + 1}`).toBeUndefined();
    expect(answer.data?.['reportIncident'].notices).toEqual([{ recipientCityCode: TONGNAN, state: 'PENDING' }]);
    ids.push(answer.data?.['reportIncident'].id as string);
  }
  return ids;
};

/** 遂宁's notices of these incidents, in the incidents' order. */
const sentNotices = async (incidentIds: readonly string[]): Promise<SentNotice[]> => {
  const answer = await ask(analyst, SENT);
  expect(answer.errors).toBeUndefined();
  const connection = answer.data?.['incidents'];
  expect(connection.totalCount).toBeLessThanOrEqual(100); // one page holds them all
  const byId = new Map<string, SentNotice[]>(connection.edges.map((e: { node: { id: string; notices: SentNotice[] } }) => [e.node.id, e.node.notices]));
  return incidentIds.map((id) => {
    const notices = byId.get(id) ?? [];
    expect(notices, `the notices of ${id}`).toHaveLength(1);
    return notices[0]!;
  });
};

/** 潼南's inbox copies of these incidents' notices (every copy, duplicates included). */
const receivedNotices = async (incidentIds: readonly string[]): Promise<ReceivedNotice[]> => {
  const answer = await ask(analyst, INBOX);
  expect(answer.errors).toBeUndefined();
  const connection = answer.data?.['receivedNotices'];
  expect(connection.totalCount).toBeLessThanOrEqual(100);
  const wanted = new Set(incidentIds);
  return connection.edges.map((e: { node: ReceivedNotice }) => e.node).filter((n: ReceivedNotice) => wanted.has(n.incidentId));
};

/** Reads through the gateway, which may still count a just-restarted bureau as down: undefined then. */
const settled = <T,>(read: Promise<T>): Promise<T | undefined> => read.catch(() => undefined);

const allDelivered = (incidentIds: readonly string[]) => pollUntil(() => settled(sentNotices(incidentIds)),
  (notices) => notices?.every((n) => n.state === 'DELIVERED') === true, `all ${incidentIds.length} notices DELIVERED at 遂宁`, { timeoutMs: 60_000, intervalMs: 50 });

/**
 * Nothing lost or doubled, in order: 潼南 holds exactly one copy per incident; each sender notice
 * was marked DELIVERED once, by the message whose inbox copy 潼南 holds; 潼南 took them in report order.
 */
const expectExactlyOnceInOrder = async (incidentIds: readonly string[]) => {
  const sent = await sentNotices(incidentIds);
  const received = (await pollUntil(() => settled(receivedNotices(incidentIds)), (copies) => copies !== undefined, '潼南\'s inbox'))!;
  expect(received).toHaveLength(incidentIds.length);
  expect(new Set(received.map((n) => n.incidentId)).size).toBe(incidentIds.length);
  expect(received.every((n) => n.senderCityCode === SUINING && n.state === 'DELIVERED')).toBe(true);

  const copyByMessage = new Map(received.map((n) => [n.history.find((h) => h.action === 'DELIVERED')?.requestId, n]));
  const times: number[] = [];
  sent.forEach((notice, i) => {
    expect(notice.history.map((h) => h.action), `history of notice #${i + 1}`).toEqual(['QUEUED', 'DELIVERED']);
    const copy = copyByMessage.get(notice.history[1]!.requestId);
    expect(copy?.incidentId, `the inbox copy of notice #${i + 1} (by message id)`).toBe(incidentIds[i]);
    times.push(Date.parse(copy!.createdAt));
  });
  // One pair's messages are applied only as the next sequence, so the inbox's times follow the report order.
  expect(times).toEqual([...times].sort((a, b) => a - b));
};

const relayingGateway = async (registry: GatewayRegistryInput = federation.registry): Promise<GatewayProcess> => {
  const gateway = await startGatewayProcess(registry, { env: RELAY_ENV });
  started.push(gateway);
  return gateway;
};

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [SUINING, TONGNAN], gatewayEnv: { ECOGRAPH_RELAY_INTERVAL_MS: '0' } });
  // The reporter calls the gateway back for the region's sections: restart it knowing where the gateway is.
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  reporter = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'incidents:write' });
  analyst = await callerToken({ sub: 'analyst', bureau: '500000' });
  await pollUntil(() => ask(analyst, SENT).catch(() => undefined), (a) => typeof a?.data?.['incidents']?.totalCount === 'number', 'the restarted reporter served again');
}, 180_000);

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => ('kill' in p ? p.stop() : p.close())));
});

afterAll(async () => {
  await federation?.stop();
});

describe('cooperation delivery under faults (遂宁 → 潼南 on 琼江)', () => {
  it('two gateway replicas relaying at once deliver every notice exactly once, in report order', async () => {
    const replicas = await Promise.all([relayingGateway(), relayingGateway()]);
    const startedAt = Date.now();
    const ids = await reportMany(N, 'replicas');
    const reportedAt = Date.now();
    await allDelivered(ids);
    console.info(`[two replicas] ${N} notices reported in ${reportedAt - startedAt} ms, all DELIVERED ${Date.now() - reportedAt} ms after the last report`);
    await expectExactlyOnceInOrder(ids);
    // Both replicas really ran their relay against the same outbox (each pulled it and saw it empty at the end).
    for (const replica of replicas) {
      await pollUntil(() => fetch(`${replica.origin}/metrics`).then((r) => r.text()),
        (text) => /gateway_cooperation_pending_deliveries\{city="510900"\} 0/.test(text), 'each replica pulled the emptied outbox');
    }
  }, 120_000);

  it('a gateway SIGKILLed in the middle of a pair\'s delivery is replaced, and nothing is lost or doubled', async () => {
    const ids = await reportMany(N, 'sigkill'); // no relay runs: all N wait in 遂宁's outbox
    expect((await sentNotices(ids)).every((n) => n.state === 'PENDING')).toBe(true);

    // The doomed relay confirms deliveries to 遂宁 through a proxy that holds every confirmation, so
    // it dies after 潼南's inbox took the pair's messages (the relay sends them as one batch) and
    // before 遂宁 learned of any: the window in which a relay's death could lose or double them.
    const slow = await startProxyWithDelay(federation.bureau(SUINING).url, { delayMs: 60_000, delayIf: (req) => req.path === '/cooperation/delivered' });
    started.push(slow);
    const registry = structuredClone(federation.registry);
    registry.cities = registry.cities.map((city) => (city.code === SUINING ? { ...city, url: slow.url } : city));
    const confirming = slow.next('held');
    const doomed = await relayingGateway(registry);
    await confirming;
    await doomed.kill();
    const landed = (await receivedNotices(ids)).length;
    const marked = (await sentNotices(ids)).filter((n) => n.state === 'DELIVERED').length;
    console.info(`[sigkill] killed after ${landed}/${N} copies landed at 潼南, ${marked} marked DELIVERED at 遂宁`);
    expect(landed).toBeGreaterThan(0); // the kill really fell mid-delivery:
    expect(marked).toBe(0); // delivered, not yet confirmed

    await relayingGateway();
    const replacedAt = Date.now();
    await allDelivered(ids);
    console.info(`[sigkill] all ${N} DELIVERED ${Date.now() - replacedAt} ms after the replacement gateway was ready`);
    await expectExactlyOnceInOrder(ids);
  }, 120_000);

  it('the sender crashed and restarted with a pending outbox still delivers everything once', async () => {
    const relay = await relayingGateway();
    await federation.killBureau(TONGNAN);
    const ids = await reportMany(N, 'sender-restart');
    await pollUntil(() => fetch(`${relay.origin}/metrics`).then((r) => r.text()),
      (text) => new RegExp(`gateway_cooperation_pending_deliveries\\{city="510900"\\} ${N}\\b`).test(text), 'the relay saw the pending outbox');

    await federation.killBureau(SUINING);
    await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
    const survived = await pollUntil(() => settled(sentNotices(ids)), (notices) => notices !== undefined, 'the restarted sender served again');
    expect(survived!.every((n) => n.state === 'PENDING')).toBe(true); // the outbox survived the crash
    const startedAt = Date.now();
    await federation.restartBureau(TONGNAN);
    await allDelivered(ids);
    console.info(`[sender restart] all ${N} delivered ${Date.now() - startedAt} ms after 潼南 came back`);
    await expectExactlyOnceInOrder(ids);
  }, 120_000);
});
