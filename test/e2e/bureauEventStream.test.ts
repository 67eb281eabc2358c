/**
 * A bureau's event stream end to end, on a real 荣昌 (500153) bureau process: a real device packet
 * (from /work/shared/domain/hj212-real-packets.json, its MN registered as a station of the bureau)
 * sent over TCP to the HJ 212 ingest appears in POST /events/pull exactly once, even when the device
 * resends it; a held pull returns as soon as a packet commits, and empty after its waitMs; only the
 * gateway's own identity may pull.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../schema/globalId.ts';
import { eventPullAnswerSchema, type EventPullAnswer, type EventPullRequest } from '../../schema/events/bureauEvents.ts';
import { ingestPort, registerDevice } from '../fixtures/eventStreams.ts';
import { gatewayHeadersFor } from '../fixtures/gatewayTrust.ts';
import { seedTestData, type SeededData } from '../fixtures/seedTestData.ts';
import { startSubgraphProcess, type SubgraphProcess } from '../fixtures/startSubgraphProcess.ts';
import { connectDevice, type DeviceClient } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';

const CITY = '500153';
/** A real data logger's real-time (2011) upload, as captured. */
const REAL = (JSON.parse(readFileSync('/work/shared/domain/hj212-real-packets.json', 'utf8')) as Array<{ packet: string }>)
  .map((p) => p.packet).find((p) => p.includes('CN=2011;') && p.includes('MN=88888880000001;')) as string;
const MN = '88888880000001';

let data: SeededData;
let stationId: string;
let bureau: SubgraphProcess;
let device: DeviceClient | undefined;

async function pull(request: EventPullRequest, role: 'gateway' | 'authenticated' = 'gateway'): Promise<{ status: number; body: EventPullAnswer }> {
  const res = await fetch(new URL('/events/pull', bureau.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...gatewayHeadersFor(CITY, { role }) },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as EventPullAnswer };
}

beforeAll(async () => {
  data = await seedTestData(0.05);
  // The device's MN as one of the bureau's stations (its platform registers a device before it reports).
  stationId = await registerDevice(data.dir, MN);
  bureau = await startSubgraphProcess('city', [CITY], data.env);
}, 120_000);

afterAll(async () => {
  await device?.close();
  await bureau?.stop();
  data?.remove();
});

describe('a bureau\'s event stream (POST /events/pull)', () => {
  it('logs a real device packet sent over TCP once, and nothing for its resend', async () => {
    expect(REAL).toBeDefined();
    const port = ingestPort(bureau);
    const start = await pull({ after: null, limit: 100, waitMs: 0 });
    expect(start.status).toBe(200);
    const head = start.body.heads;

    device = await connectDevice(port);
    const metrics = new URL('/metrics', bureau.url);
    const scrape = async () => (await fetch(metrics)).text();
    const held = pull({ after: head, limit: 100, waitMs: 10_000 });
    // The pull is held (it found nothing and waits for an append) before the packet arrives.
    await expect.poll(async () => /^bureau_event_pulls_held (\d+)/m.exec(await scrape())?.[1], { timeout: 5_000, interval: 20 }).toBe('1');
    const sent = performance.now();
    await device.send(`${REAL}\r\n`);
    const answer = await held;
    const latencyMs = performance.now() - sent;
    expect(eventPullAnswerSchema.parse(answer.body).events.filter((e) => e.body.kind === 'reading')).toHaveLength(1);
    const reading = answer.body.events.find((e) => e.body.kind === 'reading')!;
    expect(reading).toMatchObject({ feed: 'readings', body: { kind: 'reading', reading: { stationId: decodeGlobalId(stationId)!.localId, stationKind: 'POLLUTION_SOURCE', interval: 'REALTIME' } } });
    expect(reading.body.kind === 'reading' && reading.body.reading.values.find((v) => v.code === '831')).toEqual({ code: '831', value: 3.128, flag: 'N' });
    console.log(`packet sent → held pull answered: ${latencyMs.toFixed(0)} ms (ingest group commit 50 ms included)`);

    // The device resends it (this logger asks for no ack; resending is how it makes sure): stored and
    // logged never again. Wait until the ingest has counted it as a duplicate.
    await device.send(`${REAL}\r\n`);
    await expect.poll(async () => /hj212_packets_duplicate_total (\d+)/.exec(await scrape())?.[1], { timeout: 3_000, interval: 50 }).toBe('1');
    // This device flags nothing and its station has no history: no alarm starts with it.
    expect(answer.body.events.map((e) => e.body.kind)).toEqual(['reading']);
    const again = await pull({ after: answer.body.heads, limit: 100, waitMs: 300 });
    expect(again.body.events).toEqual([]);
    expect(again.body.heads['readings']).toBe(answer.body.heads['readings']);
  });

  it('answers a held pull with nothing once its waitMs has passed', async () => {
    const { body } = await pull({ after: null, limit: 1, waitMs: 0 });
    const started = performance.now();
    const answer = await pull({ after: body.heads, limit: 100, waitMs: 400 });
    const heldMs = performance.now() - started;
    expect(answer.body).toMatchObject({ events: [], expired: [], heads: body.heads });
    expect(heldMs).toBeGreaterThanOrEqual(350);
    console.log(`empty pull held ${heldMs.toFixed(0)} ms for waitMs 400`);
  });

  it('answers a position older than the kept events as expired, and refuses anyone but the gateway', async () => {
    const { body } = await pull({ after: null, limit: 1, waitMs: 0 });
    expect((await pull({ after: { readings: (body.heads['readings'] ?? 0) + 1000 }, limit: 10, waitMs: 0 })).body.expired).toEqual(['readings']);
    expect((await pull({ after: null, limit: 1, waitMs: 0 }, 'authenticated')).status).toBe(403);
  });
});
