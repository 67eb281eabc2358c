/**
 * The subscriptions end to end on the real path (issue 12's tests): real bureau processes with their
 * event logs, the real gateway process following them with its EventHub, real graphql-sse and
 * graphql-ws clients. A real HJ 212 packet sent over TCP to 荣昌's ingest reaches each subscriber
 * once with its station resolved through the graph, and no one outside 荣昌's jurisdiction; a client
 * that left resumes with its last id (since / Last-Event-ID) and gets exactly what it missed, in
 * order, across a SIGKILLed bureau and a restarted gateway; alarms come from the ingest's rules; an
 * incident 遂宁 reports on 琼江 reaches 潼南's noticeReceived, and its changes incidentUpdated; a killed
 * bureau is announced by bureauStatusChanged; an expiring token ends the stream with UNAUTHENTICATED.
 * Every wait is on an event or a polled state with a deadline, never a fixed sleep.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { ingestPort, realtimePacket, registerDevice } from '../fixtures/eventStreams.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { startGatewayProcess, type GatewayProcess } from '../fixtures/gatewayProcess.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { sseSubscribe, subscribeUntilEnded, wsSubscribe, type CollectedSubscription } from '../fixtures/liveClients.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { connectDevice } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const RONGCHANG = '500153';
const SUINING = '510900';
const TONGNAN = '500152';
/** A real data logger's real-time (2011) upload, as captured (DataTime 2020-09-21 17:40:57). */
const REAL = (JSON.parse(readFileSync('/work/shared/domain/hj212-real-packets.json', 'utf8')) as Array<{ packet: string }>)
  .map((p) => p.packet).find((p) => p.includes('CN=2011;') && p.includes('MN=88888880000001;')) as string;
const MN = '88888880000001';
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '100', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };
const GATEWAY_ENV = { ...RELAY_ENV, ECOGRAPH_EVENT_BACKOFF_MAX_MS: '500' };
/** Real-time packets of the device after the captured one: one a minute (REALTIME), values that start no alarm. */
const T0 = Date.parse('2026-05-01T08:00:00+08:00');
const MINUTE = 60_000;

let federation: GatewayFederation;
/** The gateway now: the federation's, then the one restarted on its port. */
let gateway: GatewayProcess;
let restarted: GatewayProcess | undefined;
let deviceId: string;
let analyst: string;
const open: CollectedSubscription[] = [];
/** The device's packets sent so far beyond the captured one (each at T0 + n minutes). */
let sent = 0;
/** The id of the last reading the resume test's subscribers saw (where the restart test resumes from). */
let resumedAt: string;

const READINGS = `subscription($stationIds: [ID!], $since: String) {
  readingReported(stationIds: $stationIds, since: $since) { id cityCode station { name river { name } } reading { time interval } }
}`;

const origin = () => gateway.origin;
const track = <T extends CollectedSubscription>(s: T): T => (open.push(s), s);
const bearer = async (claims: Parameters<typeof callerToken>[0], ttlS?: number) => `Bearer ${await callerToken(claims, ttlS)}`;

/** Subscriptions reading the gateway's hub now (its /metrics). */
const openSubscriptions = async () => Number(/^gateway_live_subscriptions (\d+)/m.exec(await (await fetch(`${origin()}/metrics`)).text())?.[1] ?? -1);
const subscriptionsOpen = (n: number) => pollUntil(openSubscriptions, (count) => count === n, `${n} open subscriptions`);

/** Sends `count` more packets of the device to 荣昌's ingest over one TCP connection; returns their times. */
async function sendPackets(count: number, value = (n: number) => 100 + (n % 5)): Promise<number[]> {
  const device = await connectDevice(ingestPort(federation.bureau(RONGCHANG)));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = sent++;
    times.push(T0 + n * MINUTE);
    await device.send(realtimePacket(MN, T0 + n * MINUTE, value(n)));
  }
  await device.close();
  return times;
}

type Reading = { id: string; cityCode: string; station: { name: string; river: { name: string } | null }; reading: { time: string; interval: string } };
const readings = (s: CollectedSubscription) => s.results.map((r) => r.data!['readingReported'] as Reading);
const times = (s: CollectedSubscription) => readings(s).map((r) => Date.parse(r.reading.time));
const lastId = (s: CollectedSubscription) => readings(s).at(-1)!.id;
const received = (s: CollectedSubscription, n: number, what: string) => pollUntil(async () => s.results.length, (count) => count >= n, what);

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [RONGCHANG, SUINING, TONGNAN], recheckMs: 300, gatewayEnv: GATEWAY_ENV });
  gateway = federation.gateway;
  // The device as a station of 荣昌 on 濑溪河 (a bureau registers a device before it reports), read at the bureau's start;
  // the reporter of the incident calls the gateway back for the region's sections.
  deviceId = await registerDevice(federation.data.dir, MN, 'laixihe');
  await Promise.all([federation.killBureau(RONGCHANG), federation.killBureau(SUINING)]);
  await Promise.all([federation.restartBureau(RONGCHANG), federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: gateway.url })]);
  analyst = await bearer({ sub: 'live-analyst' });
  await pollUntil(async () => (await readReadiness(origin())).body.eventStreams ?? [],
    (streams) => streams.length === 3 && streams.every((s) => s.state === 'following'), 'every bureau followed');
}, 180_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await restarted?.stop();
  await federation?.stop();
});

describe('readingReported on the real hub', () => {
  let sse: ReturnType<typeof sseSubscribe>;
  let ws: ReturnType<typeof wsSubscribe>;
  let outsider: ReturnType<typeof wsSubscribe>;

  it('delivers a real packet sent over TCP once to an SSE and a WebSocket subscriber, the station and river from the graph', async () => {
    const variables = { stationIds: [deviceId] };
    sse = track(sseSubscribe(origin(), { query: READINGS, variables }, { authorization: analyst }));
    ws = track(wsSubscribe(origin(), { query: READINGS, variables }, { authorization: analyst }));
    // Every reading of every bureau, for a caller whose jurisdiction leaves 荣昌 out.
    outsider = track(wsSubscribe(origin(), { query: READINGS }, { authorization: await bearer({ sub: 'outsider', bureau: SUINING, jurisdiction: [SUINING, TONGNAN] }) }));
    await subscriptionsOpen(3);
    const device = await connectDevice(ingestPort(federation.bureau(RONGCHANG)));
    await device.send(`${REAL}\r\n`);
    await device.close();
    await received(sse, 1, 'the packet over SSE');
    await received(ws, 1, 'the packet over WebSocket');
    const expected: Reading = {
      id: expect.any(String) as unknown as string, cityCode: RONGCHANG,
      station: { name: expect.any(String) as unknown as string, river: { name: '濑溪河' } },
      reading: { time: '2020-09-21T17:40:57+08:00', interval: 'REALTIME' },
    };
    expect(readings(sse)).toEqual([expected]);
    expect(readings(ws)).toEqual(readings(sse)); // one event, one id, whichever transport
    const query = await postGraphQL(gateway.url, 'query($id: ID!) { node(id: $id) { ... on Station { name } } }', { id: deviceId });
    expect(readings(sse)[0]!.station.name).toBe((query.data!['node'] as { name: string }).name);
  });

  it('resumes after 20 packets missed: exactly those 20, in order, with since (WebSocket) and Last-Event-ID (SSE); once each, none to the outsider', async () => {
    // A subscriber that stays: when it has all 20, the others have had every chance to get a double.
    const stays = track(wsSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId] } }, { authorization: analyst }));
    await subscriptionsOpen(4);
    const seen = lastId(ws);
    expect(lastId(sse)).toBe(seen);
    await Promise.all([sse.dispose(), ws.dispose()]);
    await subscriptionsOpen(2);
    const missed = await sendPackets(20);
    // Reconnect at once: the 20 may still be arriving, so the catch-up and the live events meet.
    const wsBack = track(wsSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId], since: seen } }, { authorization: analyst }));
    const sseBack = track(sseSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId] } }, { authorization: analyst, 'last-event-id': seen }));
    await received(stays, 20, 'the 20 packets live');
    await received(wsBack, 20, 'the 20 packets after since');
    await received(sseBack, 20, 'the 20 packets after Last-Event-ID');
    expect(times(stays)).toEqual(missed);
    expect(times(wsBack)).toEqual(missed);
    expect(times(sseBack)).toEqual(missed);
    expect(readings(wsBack).map((r) => r.id)).toEqual(readings(stays).map((r) => r.id));
    expect(readings(sseBack).map((r) => r.id)).toEqual(readings(stays).map((r) => r.id));
    expect(readings(sseBack)[0]!.station.river).toEqual({ name: '濑溪河' });
    expect(outsider.results).toEqual([]);
    await Promise.all([stays.dispose(), wsBack.dispose(), sseBack.dispose(), outsider.dispose()]);
    resumedAt = lastId(wsBack);
  });
});

describe('alarmRaised on the real hub', () => {
  it('fires when a packet breaks the source\'s discharge limit, with the station from the graph', async () => {
    const QUERY = `subscription { alarmRaised(cityCodes: ["${RONGCHANG}"], severity: CRITICAL) { id alarm { kind severity code station { id river { name } } values { value } } } }`;
    const alarms = track(wsSubscribe(origin(), { query: QUERY }, { authorization: analyst }));
    await subscriptionsOpen(1);
    await sendPackets(1, () => 900); // SO2 900 mg/m³, the default discharge limit is 550
    await received(alarms, 1, 'the over-limit alarm');
    const overLimit = alarms.results.map((r) => (r.data!['alarmRaised'] as { alarm: { kind: string } }).alarm).filter((a) => a.kind === 'OVER_LIMIT');
    expect(overLimit).toEqual([{ kind: 'OVER_LIMIT', severity: 'CRITICAL', code: 'a21026', station: { id: deviceId, river: { name: '濑溪河' } }, values: [{ value: 900 }] }]);
    await alarms.dispose();
  });
});

describe('the README\'s curl', () => {
  it('receives a reading over SSE with the command the README gives, and its id as the SSE id:', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const command = /^curl -N http:\/\/127\.0\.0\.1:4000\/graphql\/stream .*\\\n.*$/m.exec(readme)?.[0];
    expect(command).toBeDefined();
    const curl = spawn('sh', ['-c', `exec ${command!.replace('http://127.0.0.1:4000', origin())}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    curl.stdout.setEncoding('utf8').on('data', (text: string) => void (out += text));
    try {
      await subscriptionsOpen(1);
      const [time] = await sendPackets(1);
      const event = await pollUntil(async () => /id: (\S+)\nevent: next\ndata: (.*)\n/.exec(out), Boolean, 'the reading in curl\'s output');
      const data = JSON.parse(event![2]!) as { data: { readingReported: { id: string; cityCode: string; station: { river: { name: string } }; reading: { time: string } } } };
      expect(data.data.readingReported).toMatchObject({ id: event![1], cityCode: RONGCHANG, station: { river: { name: '濑溪河' } } });
      expect(Date.parse(data.data.readingReported.reading.time)).toBe(time);
    } finally {
      curl.kill(); // curl itself: sh exec'd it
    }
  });
});

describe('cooperation on the real hub', () => {
  it('tells 潼南 of the incident 遂宁 reports on 琼江 (noticeReceived), and follows the incident\'s changes (incidentUpdated)', async () => {
    const reporter = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'incidents:write' });
    const tongnan = `Bearer ${await callerToken({ sub: 'zhao.lei', bureau: TONGNAN, scope: 'notices:acknowledge' })}`;
    const notices = track(sseSubscribe(origin(), { query: 'subscription { noticeReceived { id notice { id cityCode senderCityCode incidentId state } } }' }, { authorization: tongnan }));
    const suiningInbox = track(wsSubscribe(origin(), { query: 'subscription { noticeReceived { id } }' }, { authorization: `Bearer ${reporter}` }));
    await subscriptionsOpen(2);
    const reported = await postGraphQL(gateway.url, `mutation($key: ID!, $input: ReportIncidentInput!) { reportIncident(cityCode: "${SUINING}", idempotencyKey: $key, input: $input) { id } }`, {
      key: randomUUID(),
      input: {
        title: '琼江安居段柴油罐车侧翻泄漏', description: '罐车侧翻，约 2 吨柴油入琼江，距光辉断面上游约 18 公里。',
        occurredAt: '2026-05-01T08:30:00+08:00', location: { longitude: 105.56, latitude: 30.21 },
        riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan', pollutants: ['石油类'], facts: { crossBorder: 'PROVINCIAL' },
      },
    }, { authorization: `Bearer ${reporter}` });
    expect(reported.errors).toBeUndefined();
    const incidentId = (reported.data!['reportIncident'] as { id: string }).id;
    const changes = track(wsSubscribe(origin(), { query: `subscription { incidentUpdated(id: "${incidentId}") { id change incident { id status } } }` }, { authorization: analyst }));
    await subscriptionsOpen(3);
    await received(notices, 1, '潼南\'s notice');
    const notice = (notices.results[0]!.data!['noticeReceived'] as { notice: { id: string } }).notice;
    expect(notice).toMatchObject({ cityCode: TONGNAN, senderCityCode: SUINING, incidentId, state: expect.any(String) });
    const acked = await postGraphQL(gateway.url, `mutation($key: ID!, $id: ID!) { acknowledgeNotice(cityCode: "${TONGNAN}", idempotencyKey: $key, noticeId: $id) { state } }`,
      { key: randomUUID(), id: notice.id }, { authorization: tongnan });
    expect(acked.errors).toBeUndefined();
    // The acknowledgement travels back to 遂宁, which records it on the incident.
    await received(changes, 1, 'the incident\'s change');
    expect(changes.results[0]!.data!['incidentUpdated']).toMatchObject({ change: expect.any(String), incident: { id: incidentId } });
    expect(notices.results).toHaveLength(1);
    expect(suiningInbox.results).toEqual([]); // 遂宁 sent it: its own inbox got nothing
    await Promise.all([notices.dispose(), suiningInbox.dispose(), changes.dispose()]);
  });
});

describe('restarts on the real hub', () => {
  it('announces a SIGKILLed bureau (bureauStatusChanged), and loses nothing across its restart and the gateway\'s', async () => {
    const before = resumedAt; // the id the last resumed subscriber saw, before either restart
    // The packets sent since (by the alarm and curl tests), each one reading after that id.
    const sentSince = Array.from({ length: sent - 20 }, (_, i) => T0 + (20 + i) * MINUTE);
    const status = track(sseSubscribe(origin(), { query: 'subscription { bureauStatusChanged { cityCode status } }' }, { authorization: analyst }));
    const live = track(sseSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId], since: before } }, { authorization: analyst }));
    await status.connected;
    await received(live, sentSince.length, 'the readings after the id');
    await federation.killBureau(RONGCHANG);
    await pollUntil(async () => status.results.map((r) => r.data!['bureauStatusChanged']), (s) => s.some((c) => JSON.stringify(c) === JSON.stringify({ cityCode: RONGCHANG, status: 'DOWN' })), '荣昌 announced down');
    await federation.restartBureau(RONGCHANG);
    const afterBureau = await sendPackets(5);
    await received(live, sentSince.length + 5, 'the packets after the bureau\'s restart');
    expect(times(live)).toEqual([...sentSince, ...afterBureau]);

    // The gateway goes (SIGKILL) and comes back on its port; its events meanwhile are in the bureau's log.
    const seen = lastId(live);
    await Promise.all([live.dispose(), status.dispose()]);
    const port = new URL(gateway.url).port;
    await gateway.kill();
    const whileDown = await sendPackets(5);
    restarted = await startGatewayProcess(federation.registry, { recheckMs: 300, env: { ...GATEWAY_ENV, ECOGRAPH_GATEWAY_PORT: port } });
    gateway = restarted;
    const resumed = track(wsSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId], since: seen } }, { authorization: analyst }));
    const fromBefore = track(sseSubscribe(origin(), { query: READINGS, variables: { stationIds: [deviceId] } }, { authorization: analyst, 'last-event-id': before }));
    await received(resumed, 5, 'the packets sent while the gateway was down');
    await received(fromBefore, sentSince.length + 10, 'everything since the id from before both restarts');
    expect(times(resumed)).toEqual(whileDown);
    expect(times(fromBefore)).toEqual([...sentSince, ...afterBureau, ...whileDown]);
    await Promise.all([resumed.dispose(), fromBefore.dispose()]);
  }, 90_000); // two process starts and the circuit's 5 s cooldown on a shared machine
});

describe('tokens on the real hub', () => {
  it('ends the stream with UNAUTHENTICATED when the token expires (SSE result, WebSocket close 4401)', async () => {
    const ended = await subscribeUntilEnded(origin(), { query: READINGS }, { sse: await bearer({ sub: 'short-sse' }, 2), ws: await bearer({ sub: 'short-ws' }, 2) });
    expect(ended).toEqual({ sseError: expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'expired' }), wsClosed: { code: 4401, reason: expect.stringContaining('UNAUTHENTICATED') } });
  });
});
