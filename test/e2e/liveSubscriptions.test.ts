/**
 * The gateway's subscriptions (issue 12) on the real federation — real bureau and region processes,
 * the real gateway in-process — fed by an in-memory EventHub (a test double of the seam; the real hub
 * follows the bureaus' event logs). Over real graphql-sse and graphql-ws clients: an event reaches
 * each subscriber once with its selection resolved through the graph; jurisdiction filters events;
 * `since` / Last-Event-ID resume exactly after the last event seen; an expiring token ends the
 * stream with UNAUTHENTICATED; the per-caller cap and bad documents get their codes; POST /graphql is
 * as before.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../schema/globalId.ts';
import type { BureauEventBody } from '../../schema/events/bureauEvents.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { InMemoryEventHub } from '../fixtures/inMemoryEventHub.ts';
import { inProcessGateway } from '../fixtures/inProcessGateway.ts';
import { sseSubscribe, subscribeUntilEnded, wsSubscribe, type CollectedSubscription } from '../fixtures/liveClients.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';

const MINE = '510900';
const OTHER = '500152';
const CAP = 4;

let federation: GatewayFederation;
const hub = new InMemoryEventHub();
interface StationSeen { id: string; cityCode: string; name: string; kind: string; river: { name: string } | null; latest: { time: string; interval: string } | null }
const stations = new Map<string, StationSeen>();
const open: CollectedSubscription[] = [];
/** A pollution source of 510900 at an enterprise (whose cases need cases:read). */
let source: { id: string; name: string; enterprise: { creditCode: string }; latest: { time: string; interval: string } };

beforeAll(async () => {
  federation = await startGatewayFederation({
    bureaus: [OTHER, MINE],
    gatewayEnv: { ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER: String(CAP) },
    startGateway: inProcessGateway({ eventHub: () => hub }),
  });
  for (const code of [OTHER, MINE]) {
    const answer = await postGraphQL(federation.gateway.url,
      `{ stations(cityCodes: ["${code}"], kind: WATER_QUALITY, first: 20) { edges { node { id cityCode name kind river { name } latest { time interval } } } } }`);
    const found = (answer.data!['stations'] as { edges: Array<{ node: StationSeen }> }).edges.map((e) => e.node).find((s) => s.river && s.latest);
    stations.set(code, found!);
  }
  const sources = await postGraphQL(federation.gateway.url,
    `{ stations(cityCodes: ["${MINE}"], kind: POLLUTION_SOURCE, first: 20) { edges { node { id name enterprise { creditCode } latest { time interval } } } } }`);
  source = (sources.data!['stations'] as { edges: Array<{ node: typeof source }> }).edges.map((e) => e.node).find((s) => s.enterprise && s.latest)!;
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await federation?.stop();
});

// Every test starts with no subscription in the hub (each closes its own), so counting tells when its own are in.
beforeEach(async () => {
  await pollUntil(async () => hub.followers, (n) => n === 0, 'the previous test\'s subscriptions to close');
});

const origin = () => federation.gateway.origin;
const bearer = async (claims: Parameters<typeof callerToken>[0], ttlS?: number) => `Bearer ${await callerToken(claims, ttlS)}`;
const track = <T extends CollectedSubscription>(s: T): T => (open.push(s), s);
const statusSubscribers = async () =>
  Number(/^gateway_bureau_status_subscribers (\d+)/m.exec(await (await fetch(`${origin()}/metrics`)).text())?.[1] ?? -1);
const followers = (n: number) => pollUntil(async () => hub.followers, (count) => count >= n, `${n} hub subscribers`);

function readingOf(code: string): BureauEventBody {
  const station = stations.get(code)!;
  return {
    kind: 'reading',
    reading: {
      stationId: decodeGlobalId(station.id)!.localId, stationKind: 'WATER_QUALITY',
      time: Date.parse(station.latest!.time), interval: station.latest!.interval, values: [{ code: 'w01001', value: 7.1, flag: 'N' }],
    },
  };
}

/** Subscribes to `code`'s readings, receives one new event and leaves: that event's id. */
async function oneEventId(code: string, authorization: string): Promise<string> {
  const first = track(wsSubscribe(origin(), { query: READINGS, variables: { cityCodes: [code] } }, { authorization }));
  await followers(1);
  hub.append(code, 'readings', readingOf(code));
  await pollUntil(async () => first.results.length, (n) => n >= 1, 'an event');
  await first.dispose();
  return (first.results[0]!.data!['readingReported'] as { id: string }).id;
}

const READINGS = `subscription($cityCodes: [ID!], $since: String) {
  readingReported(cityCodes: $cityCodes, since: $since) { id cityCode station { name river { name } } reading { time interval } }
}`;

describe('readingReported', () => {
  it('reaches an SSE and a WebSocket subscriber once each, its station and river resolved through the graph', async () => {
    const sse = track(sseSubscribe(origin(), { query: READINGS, variables: { cityCodes: [MINE] } }, { authorization: await bearer({ sub: 'sse-1' }) }));
    const ws = track(wsSubscribe(origin(), { query: READINGS, variables: { cityCodes: [MINE] } }, { authorization: await bearer({ sub: 'ws-1' }) }));
    await followers(2);
    hub.append(MINE, 'readings', readingOf(MINE));
    await pollUntil(async () => sse.results.length + ws.results.length, (n) => n >= 2, 'both subscribers got the event');
    const station = stations.get(MINE)!;
    const expected = {
      readingReported: {
        id: expect.any(String), cityCode: MINE,
        station: { name: station.name, river: { name: station.river!.name } },
        reading: { time: station.latest!.time, interval: station.latest!.interval },
      },
    };
    // Once each: a second event, delivered in order after the first, must come next (no double between).
    hub.append(MINE, 'readings', readingOf(MINE));
    await pollUntil(async () => Math.min(sse.results.length, ws.results.length), (n) => n >= 2, 'both subscribers got the second event');
    const idOf = (result: { data?: Record<string, unknown> | null }) => (result.data!['readingReported'] as { id: string }).id;
    expect(sse.results[0]).toEqual({ data: expected });
    expect(ws.results[0]).toEqual({ data: expected });
    expect(sse.results[0]!.data).toEqual(ws.results[0]!.data); // one id for one event, whichever transport
    expect(sse.results).toHaveLength(2);
    expect(ws.results).toHaveLength(2);
    expect(idOf(sse.results[1]!)).not.toBe(idOf(sse.results[0]!));
    expect(idOf(ws.results[1]!)).toBe(idOf(sse.results[1]!));
    await Promise.all([sse.dispose(), ws.dispose()]);
    await pollUntil(async () => hub.followers, (n) => n === 0, 'the closed subscriptions left the hub');
  });

  it('gives a caller with jurisdiction [510900] only 510900 events, and 500152 events nothing', async () => {
    const ws = track(wsSubscribe(origin(), { query: READINGS }, { authorization: await bearer({ sub: 'restricted', bureau: MINE, jurisdiction: [MINE] }) }));
    await followers(1);
    hub.append(OTHER, 'readings', readingOf(OTHER));
    hub.append(MINE, 'readings', readingOf(MINE));
    // A later 510900 event marks the end: the 500152 event, appended before both, had its turn by then.
    hub.append(MINE, 'readings', readingOf(MINE));
    await pollUntil(async () => ws.results.length, (n) => n >= 2, 'both 510900 events');
    expect(ws.results.map((r) => (r.data!['readingReported'] as { cityCode: string }).cityCode)).toEqual([MINE, MINE]);
    await ws.dispose();
  });

  it('resumes with since (WebSocket) and Last-Event-ID (SSE) exactly after the last event seen, in order', async () => {
    const token = await bearer({ sub: 'resumer' });
    const seen = await oneEventId(MINE, token);
    const missed = [hub.append(MINE, 'readings', readingOf(MINE)).seq, hub.append(MINE, 'readings', readingOf(MINE)).seq];

    const ws = track(wsSubscribe(origin(), { query: READINGS, variables: { cityCodes: [MINE], since: seen } }, { authorization: token }));
    const sse = track(sseSubscribe(origin(), { query: READINGS, variables: { cityCodes: [MINE] } }, { authorization: token, 'last-event-id': seen }));
    await pollUntil(async () => ws.results.length + sse.results.length, (n) => n >= 4, 'the two missed events on both');
    const sequences = (results: CollectedSubscription['results']) => results.map((r) => {
      const id = (r.data!['readingReported'] as { id: string }).id;
      return (JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as Record<string, Record<string, number>>)[MINE]!['readings'];
    });
    expect(sequences(ws.results)).toEqual(missed);
    expect(sequences(sse.results)).toEqual(missed);
    await Promise.all([ws.dispose(), sse.dispose()]);
  });

  it('serves identical subscriptions of one access profile from one stream, and one leaving does not end the other', async () => {
    const query = 'subscription($cityCodes: [ID!]) { readingReported(cityCodes: $cityCodes) { id cityCode station { name } } }';
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${origin()}/metrics`)).text())?.[1] ?? -1);
    const first = track(wsSubscribe(origin(), { query, variables: { cityCodes: [MINE] } }, { authorization: await bearer({ sub: 'share-1' }) }));
    const second = track(sseSubscribe(origin(), { query, variables: { cityCodes: [MINE] } }, { authorization: await bearer({ sub: 'share-2' }) }));
    const other = track(wsSubscribe(origin(), { query, variables: { cityCodes: [MINE] } }, { authorization: await bearer({ sub: 'share-3', bureau: MINE, jurisdiction: [MINE] }) }));
    await pollUntil(() => metric('gateway_live_subscriptions'), (n) => n === 3, 'three subscriptions open');
    expect(await metric('gateway_live_source_streams')).toBe(2); // the restricted caller has its own
    expect(hub.followers).toBe(2);
    hub.append(MINE, 'readings', readingOf(MINE));
    await pollUntil(async () => [first, second, other].map((s) => s.results.length), (n) => n.every((c) => c === 1), 'all three got the event');
    expect(second.results[0]).toEqual(first.results[0]);
    expect(other.results[0]).toEqual(first.results[0]);
    await first.dispose();
    await pollUntil(() => metric('gateway_live_subscriptions'), (n) => n === 2, 'the first one closed');
    hub.append(MINE, 'readings', readingOf(MINE));
    await pollUntil(async () => second.results.length, (n) => n === 2, 'the second still gets events');
    await Promise.all([second.dispose(), other.dispose()]);
  });

  it('writes each event id as the SSE id: field', async () => {
    const abort = new AbortController();
    const response = await fetch(`${origin()}/graphql/stream`, {
      method: 'POST', signal: abort.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: READINGS, variables: { cityCodes: [MINE] } }),
    });
    expect(response.status).toBe(200);
    await followers(1);
    hub.append(MINE, 'readings', readingOf(MINE));
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: next')) text += new TextDecoder().decode((await reader.read()).value);
    while (!text.includes('\n\n', text.indexOf('event: next'))) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const block = text.slice(text.lastIndexOf('\n\n', text.indexOf('event: next')) + 2).split('\n\n')[0]!;
    const idLine = block.split('\n').find((line) => line.startsWith('id: '))!;
    const data = JSON.parse(block.split('\n').find((line) => line.startsWith('data: '))!.slice(6)) as { data: { readingReported: { id: string } } };
    expect(idLine.slice(4)).toBe(data.data.readingReported.id);
  });
});

describe('field access', () => {
  it('treats a field the subscriber may not read as a query does: null with the same error at its path, the rest intact', async () => {
    const ws = track(wsSubscribe(origin(), {
      query: 'subscription { readingReported(kind: POLLUTION_SOURCE) { station { label: name enterprise { creditCode cases { caseNumber } } } } }',
    }));
    await followers(1);
    const query = await postGraphQL(federation.gateway.url,
      'query($id: ID!) { station(cityCode: "510900", id: $id) { name enterprise { creditCode cases { caseNumber } } } }', { id: source.id });
    hub.append(MINE, 'readings', {
      kind: 'reading',
      reading: { stationId: decodeGlobalId(source.id)!.localId, stationKind: 'POLLUTION_SOURCE', time: Date.parse(source.latest.time), interval: source.latest.interval, values: [] },
    });
    await pollUntil(async () => ws.results.length, (n) => n >= 1, 'the source\'s reading');
    expect(ws.results[0]!.data).toEqual({ readingReported: { station: { label: source.name, enterprise: { creditCode: source.enterprise.creditCode, cases: null } } } });
    expect(query.data).toEqual({ station: { name: source.name, enterprise: { creditCode: source.enterprise.creditCode, cases: null } } });
    expect(ws.results[0]!.errors).toEqual([{ ...query.errors![0], locations: expect.anything(), path: ['readingReported', 'station', 'enterprise', 'cases'] }]);
    await ws.dispose();
  });
});

describe('refusals', () => {
  it('ends the stream with UNAUTHENTICATED when the token expires (SSE), and closes the socket with 4401 (WebSocket)', async () => {
    const ended = await subscribeUntilEnded(origin(), { query: READINGS }, { sse: await bearer({ sub: 'short-lived-sse' }, 2), ws: await bearer({ sub: 'short-lived-ws' }, 2) });
    expect(ended).toEqual({ sseError: expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'expired' }), wsClosed: { code: 4401, reason: expect.stringContaining('UNAUTHENTICATED') } });
  });

  it('refuses a bad token before the stream opens: HTTP 401 (SSE), close 4401 (WebSocket)', async () => {
    const response = await fetch(`${origin()}/graphql/stream`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: READINGS }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'malformed' } }] });
    const ws = track(wsSubscribe(origin(), { query: READINGS }, { authorization: 'Bearer not-a-token' }));
    await ws.ended;
    expect(ws.closed()).toEqual({ code: 4401, reason: 'UNAUTHENTICATED: malformed' });
  });

  it(`refuses the subscription past ${CAP} open ones per caller with TOO_MANY_SUBSCRIPTIONS`, async () => {
    const token = await bearer({ sub: 'greedy' });
    const allowed = Array.from({ length: CAP }, () => track(wsSubscribe(origin(), { query: READINGS }, { authorization: token })));
    await followers(CAP);
    const refused = track(sseSubscribe(origin(), { query: READINGS }, { authorization: token }));
    await refused.ended;
    expect(refused.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', max: CAP });
    await Promise.all(allowed.map((s) => s.dispose()));
  });

  it.each([
    ['an unknown field', 'subscription { readingReported { id nope } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['a syntax error', 'subscription { readingReported { id }', undefined, 'GRAPHQL_PARSE_FAILED'],
    ['a query', '{ cities { code } }', undefined, 'BAD_REQUEST'],
    ['too deep', `subscription { readingReported { station { ${'river { sections { '.repeat(7)}name${' } }'.repeat(7)} } } }`, undefined, 'QUERY_TOO_DEEP'],
    ['an unparseable since', READINGS, { since: 'not-an-id' }, 'BAD_USER_INPUT'],
    ['a station id that is none', 'subscription { readingReported(stationIds: ["x"]) { id } }', undefined, 'BAD_USER_INPUT'],
    ['a wrong variable', READINGS, { cityCodes: 5 }, 'BAD_USER_INPUT'],
  ])('refuses %s with its code over both transports', async (_name, query, variables, code) => {
    const headers = { authorization: await bearer({ sub: 'careless' }) };
    const ws = track(wsSubscribe(origin(), { query, ...(variables && { variables }) }, headers));
    const sse = track(sseSubscribe(origin(), { query, ...(variables && { variables }) }, headers));
    await Promise.all([ws.ended, sse.ended]);
    const codeOf = (s: CollectedSubscription) => {
      const error = s.error() as unknown;
      const errors = Array.isArray(error) ? error as Array<{ extensions?: { code?: string } }> : s.results[0]?.errors ?? [];
      return errors[0]?.extensions?.code;
    };
    expect(codeOf(ws)).toBe(code);
    expect(codeOf(sse)).toBe(code);
  });

  it('ends a subscription whose since is older than a bureau keeps with EVENTS_EXPIRED', async () => {
    const token = await bearer({ sub: 'late' });
    const seen = await oneEventId(OTHER, token);
    const last = hub.append(OTHER, 'readings', readingOf(OTHER));
    hub.forget(OTHER, 'readings', last.seq);
    const late = track(wsSubscribe(origin(), { query: READINGS, variables: { since: seen } }, { authorization: token }));
    await late.ended;
    expect(late.results.at(-1)?.errors?.[0]?.extensions).toEqual({ code: 'EVENTS_EXPIRED', cityCode: OTHER, feed: 'readings' });
  });

  it('refuses noticeReceived to the public role with UNAUTHENTICATED', async () => {
    const ws = track(wsSubscribe(origin(), { query: 'subscription { noticeReceived { id notice { id } } }' }));
    await ws.ended;
    expect(ws.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'not-authenticated' });
  });
});

describe('alarmRaised', () => {
  it('carries the alarm from the event with its station from the graph, above the minimum severity only', async () => {
    const ws = track(wsSubscribe(origin(), { query: 'subscription { alarmRaised(severity: WARNING) { alarm { cityCode severity reason from station { name } } } }' },
      { authorization: await bearer({ sub: 'alarms' }) }));
    await followers(1);
    const station = stations.get(OTHER)!;
    const alarm = (severity: 'INFO' | 'CRITICAL'): BureauEventBody => ({
      kind: 'alarm',
      alarm: {
        id: `alarm-${severity}`, stationId: decodeGlobalId(station.id)!.localId, stationKind: 'WATER_QUALITY', kind: 'OVER_LIMIT', severity,
        code: 'w21003', name: '氨氮', from: Date.parse('2026-05-01T08:00:00+08:00'), to: Date.parse('2026-05-01T09:00:00+08:00'),
        reason: '氨氮超标。NH3-N over the limit.', values: [], limit: null,
      },
    });
    hub.append(OTHER, 'readings', alarm('INFO'));
    hub.append(OTHER, 'readings', alarm('CRITICAL'));
    await pollUntil(async () => ws.results.length, (n) => n >= 1, 'the critical alarm');
    expect(ws.results).toEqual([{ data: { alarmRaised: { alarm: {
      cityCode: OTHER, severity: 'CRITICAL', reason: '氨氮超标。NH3-N over the limit.', from: '2026-05-01T08:00:00+08:00', station: { name: station.name },
    } } } }]);
    await ws.dispose();
  });
});

describe('bureauStatusChanged', () => {
  // Last: it stops a bureau for good.
  it('tells a subscriber when a bureau goes down, and a caller whose jurisdiction excludes it nothing', async () => {
    const QUERY = 'subscription { bureauStatusChanged { cityCode status at } }';
    const everyone = track(wsSubscribe(origin(), { query: QUERY }, { authorization: await bearer({ sub: 'watcher' }) }));
    const restricted = track(sseSubscribe(origin(), { query: QUERY }, { authorization: await bearer({ sub: 'watcher-510900', jurisdiction: [MINE] }) }));
    // Both subscribed: this stream is the registry's, not the hub's, so /metrics counts its listeners.
    await pollUntil(async () => statusSubscribers(), (n) => n >= 2, 'both bureauStatusChanged subscribers listening');
    await federation.killBureau(OTHER);
    await pollUntil(async () => everyone.results.length, (n) => n >= 1, `${OTHER} reported down`);
    expect(everyone.results[0]!.data).toEqual({ bureauStatusChanged: { cityCode: OTHER, status: 'DOWN', at: expect.stringMatching(/\+08:00$/) } });
    expect(restricted.results).toEqual([]);
    await Promise.all([everyone.dispose(), restricted.dispose()]);
  });
});

describe('POST /graphql', () => {
  it('still answers queries, shows Subscription in the schema, and refuses a subscription with BAD_REQUEST', async () => {
    const answer = await postGraphQL(federation.gateway.url, '{ stations(cityCodes: ["510900"], first: 1) { totalCount } __schema { subscriptionType { name } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['__schema']).toEqual({ subscriptionType: { name: 'Subscription' } });
    const response = await fetch(federation.gateway.url, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'subscription { bureauStatusChanged { cityCode } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });
});
