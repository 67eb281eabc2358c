/**
 * A bureau back from a crash, with the gateway's registry checks far apart (60 s, as a deployment
 * might set them): its event stream answering again closes its circuit, so the first reading it
 * sends after the restart reaches a subscriber with its station from the graph, not with
 * CITY_UNAVAILABLE for the very bureau that sent it. Real processes; every wait is on an event or a
 * polled state with a deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystHeaders } from '../fixtures/callerTokens.ts';
import { HJ212_CITY, ingestPort, realtimePacket, registerDevice } from '../fixtures/eventStreams.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { sseSubscribe, type CollectedSubscription } from '../fixtures/liveClients.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { connectDevice } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const MN = '88888880000042';
const T0 = Date.parse('2026-06-01T08:00:00+08:00');
const READINGS = `subscription($stationIds: [ID!]) {
  readingReported(stationIds: $stationIds) { station { name } reading { time } }
}`;

let federation: GatewayFederation;
let subscription: CollectedSubscription | undefined;
let deviceId: string;
let analyst: Record<string, string>;

const readiness = async () => (await readReadiness(federation.gateway.origin)).body;
const circuit = async () => (await readiness()).cities.find((c) => c.code === HJ212_CITY)?.circuit;
const stream = async () => (await readiness()).eventStreams?.find((s) => s.cityCode === HJ212_CITY)?.state;

async function sendPacket(minute: number): Promise<void> {
  const device = await connectDevice(ingestPort(federation.bureau(HJ212_CITY)));
  await device.send(realtimePacket(MN, T0 + minute * 60_000, 100));
  await device.close();
}

beforeAll(async () => {
  federation = await startGatewayFederation({
    bureaus: [HJ212_CITY], recheckMs: 60_000,
    gatewayEnv: { ECOGRAPH_EVENT_BACKOFF_BASE_MS: '100', ECOGRAPH_EVENT_BACKOFF_MAX_MS: '300' },
  });
  deviceId = await registerDevice(federation.data.dir, MN);
  analyst = await analystHeaders();
  await pollUntil(stream, (state) => state === 'following', '荣昌 followed');
}, 120_000);

afterAll(async () => {
  await subscription?.dispose();
  await federation?.stop();
});

describe('a bureau back from a crash, between two registry checks', () => {
  it('has its circuit closed by its event stream, and its first reading reaches the subscriber with the station from the graph', async () => {
    const sse = sseSubscribe(federation.gateway.origin, { query: READINGS, variables: { stationIds: [deviceId] } }, analyst);
    subscription = sse;
    await sse.connected;

    await federation.killBureau(HJ212_CITY);
    await pollUntil(stream, (state) => state === 'retrying', 'the stream retrying');
    // Queries that fail open its circuit; the next registry check is a minute away.
    for (let i = 0; i < 3; i += 1) {
      const answer = await postGraphQL(federation.gateway.url, `{ enforcementCases(cityCodes: ["${HJ212_CITY}"], first: 1) { totalCount } }`, undefined, analyst);
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('CITY_UNAVAILABLE');
    }
    expect(await circuit()).toBe('open');

    await federation.restartBureau(HJ212_CITY);
    await pollUntil(stream, (state) => state === 'following', 'the stream following again');
    expect(await circuit()).toBe('closed');

    await sendPacket(1);
    await pollUntil(async () => sse.results.length, (n) => n >= 1, 'the reading after the restart');
    expect(sse.results[0]).toEqual({
      data: { readingReported: { station: { name: expect.any(String) as string }, reading: { time: '2026-06-01T08:01:00+08:00' } } },
    });
  }, 60_000);
});
