/**
 * The gateway's EventHub over real bureau processes (荣昌 500153 with its HJ 212 ingest, 潼南 500152
 * with its SQL store): a subscriber gets every event once, in order per bureau feed, across a
 * restart of the hub's followers (a gateway restart: the new subscriber resumes from the last
 * position it was given) and a crash and restart of a bureau; while 荣昌 is down, 潼南's events still
 * flow and the hub shows 荣昌's stream as retrying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPosition } from '../../schema/events/bureauEvents.ts';
import { deliveryBackoff } from '../../gateway/cooperation/deliveryBackoff.ts';
import { createEventHub, type FollowingEventHub } from '../../gateway/events/createEventHub.ts';
import type { HubEvent, RegionPosition } from '../../gateway/events/EventHub.ts';
import { deliverBulletin, followedBureau, HJ212_CITY, ingestPort, realtimePacket, registerDevice } from '../fixtures/eventStreams.ts';
import { seedTestData, type SeededData } from '../fixtures/seedTestData.ts';
import { startSubgraphProcess, type SubgraphProcess } from '../fixtures/startSubgraphProcess.ts';
import { connectDevice, type DeviceClient } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';

const SQL_CITY = '500152';
const MN = 'HUBTEST0000001';
const T = Date.parse('2022-06-01T08:00:00+08:00');

let data: SeededData;
const processes = new Map<string, SubgraphProcess>();
const bureaus = [followedBureau(HJ212_CITY, () => processes.get(HJ212_CITY)!.url), followedBureau(SQL_CITY, () => processes.get(SQL_CITY)!.url)];
let hub: FollowingEventHub;
let device: DeviceClient;
let packets = 0;
let bulletins = 0;

const startHub = () => createEventHub({ bureaus: () => bureaus, waitMs: 2_000, retryDelay: (n) => deliveryBackoff(n, { baseMs: 100, maxMs: 1_000 }) });

/** A subscriber that records what it receives. */
function record(from: RegionPosition | null) {
  const events: HubEvent[] = [];
  const expired: string[] = [];
  const subscription = hub.subscribe(from, { onEvent: (e) => events.push(e), onExpired: (city, feed) => expired.push(`${city}/${feed}`) });
  return { events, expired, subscription, last: () => events.at(-1)?.position ?? null };
}

async function sendPackets(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    packets += 1;
    await device.send(realtimePacket(MN, T + packets * 60_000, packets));
  }
}

async function sendBulletins(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await deliverBulletin(processes.get(SQL_CITY)!, SQL_CITY, ++bulletins);
}

const following = () => expect.poll(() => hub.status().map((s) => s.state), { timeout: 10_000 }).toEqual(['following', 'following']);

/** Per bureau feed, the sequences received must be consecutive, starting right after `from`. */
function expectNoGapNoDouble(events: readonly HubEvent[], from: RegionPosition): void {
  const last = new Map<string, number>();
  for (const { cityCode, event } of events) {
    const key = `${cityCode}/${event.feed}`;
    const before = last.get(key) ?? from[cityCode]?.[event.feed];
    if (before !== undefined) expect(event.seq, key).toBe(before + 1);
    last.set(key, event.seq);
  }
}

const readingTimes = (events: readonly HubEvent[]) =>
  events.flatMap((e) => (e.event.body.kind === 'reading' ? [(e.event.body.reading.time - T) / 60_000] : []));
const bulletinIds = (events: readonly HubEvent[]) =>
  events.flatMap((e) => (e.event.body.kind === 'bulletin-received' ? [e.cityCode] : []));

beforeAll(async () => {
  data = await seedTestData(0.05);
  await registerDevice(data.dir, MN);
  processes.set(HJ212_CITY, await startSubgraphProcess('city', [HJ212_CITY], data.env));
  processes.set(SQL_CITY, await startSubgraphProcess('city', [SQL_CITY], data.env));
  device = await connectDevice(ingestPort(processes.get(HJ212_CITY)!));
  hub = startHub();
}, 180_000);

afterAll(async () => {
  await hub?.close();
  await device?.close();
  for (const b of bureaus) await b.close();
  for (const p of processes.values()) await p.stop();
  data?.remove();
});

describe('EventHub over real bureaus', () => {
  let resumeFrom: RegionPosition;

  it('delivers live events of both bureaus to a subscriber that started from now', async () => {
    await following();
    const start = hub.head();
    const live = record(null);
    const started = performance.now();
    await sendPackets(3);
    await sendBulletins(2);
    await expect.poll(() => [readingTimes(live.events), bulletinIds(live.events)], { timeout: 5_000, interval: 20 })
      .toEqual([[1, 2, 3], [SQL_CITY, SQL_CITY]]);
    console.log(`3 packets + 2 bulletins sent → all at the subscriber after ${(performance.now() - started).toFixed(0)} ms`);
    expectNoGapNoDouble(live.events, start);
    resumeFrom = live.last()!;
    live.subscription.close();
  });

  it('catches a new subscriber up from its last position after the followers restart, then goes live, without gap or double', async () => {
    await sendPackets(5); // while nobody listens
    await sendBulletins(1);
    await hub.close(); // a gateway restart: the followers' positions are gone
    hub = startHub();
    const resumed = record(resumeFrom);
    await expect.poll(() => [readingTimes(resumed.events), bulletinIds(resumed.events).length], { timeout: 10_000, interval: 20 }).toEqual([[4, 5, 6, 7, 8], 1]);
    await following();
    await sendPackets(2);
    await expect.poll(() => readingTimes(resumed.events), { timeout: 5_000, interval: 20 }).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expectNoGapNoDouble(resumed.events, resumeFrom);
    expect(resumed.expired).toEqual([]);
    resumed.subscription.close();
    resumeFrom = resumed.last()!;
  });

  it('keeps the other bureau\'s events flowing while one is dead, and loses nothing of it once it restarts', async () => {
    const sub = record(resumeFrom);
    await expect.poll(() => sub.events.length, { timeout: 2_000 }).toBe(0); // nothing new yet
    const { child, url } = processes.get(HJ212_CITY)!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await device.close();
    await sendBulletins(2);
    await expect.poll(() => bulletinIds(sub.events), { timeout: 5_000, interval: 20 }).toEqual([SQL_CITY, SQL_CITY]);
    await expect.poll(() => hub.status().find((s) => s.cityCode === HJ212_CITY)?.state, { timeout: 10_000 }).toBe('retrying');
    expect(hub.status().find((s) => s.cityCode === SQL_CITY)?.state).toBe('following');

    processes.set(HJ212_CITY, await startSubgraphProcess('city', [HJ212_CITY], { ...data.env, ECOGRAPH_PORT: new URL(url).port }));
    device = await connectDevice(ingestPort(processes.get(HJ212_CITY)!));
    await following();
    await sendPackets(2);
    await expect.poll(() => readingTimes(sub.events), { timeout: 10_000, interval: 20 }).toEqual([11, 12]);
    expectNoGapNoDouble(sub.events, resumeFrom);
    const position = sub.last()!;
    const heads = hub.head();
    for (const code of [HJ212_CITY, SQL_CITY]) expect(position[code] as FeedPosition).toEqual(heads[code]);
    sub.subscription.close();
  });
});
