/**
 * Every HJ 212 data type a data logger sends is queryable through the gateway: real-time (2011),
 * minute (2051) and hourly (2061) packets for one 荣昌 station, sent over TCP to the bureau's
 * ingest, come back by `interval` from `Station.readings` and `Station.latest`; a type never sent
 * (daily, 2031) is an empty list; the default stays the station's own series. The real-time packet
 * is readable through the gateway within a second of being sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePacket } from '../../subgraphs/hj212-codec/encodePacket.ts';
import { formatCst } from '../../subgraphs/kit/scalars.ts';
import { formatHj212Time } from '../../subgraphs/hj212-codec/formatHj212Time.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { connectDevice, type DeviceClient } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';

const CITY = '500153';
let federation: GatewayFederation;
let device: DeviceClient | undefined;

const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(federation.gateway.url, query, variables, federation.gateway.callerHeaders);

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [CITY] });
}, 120_000);

afterAll(async () => {
  await device?.close();
  await federation?.stop();
});

// Before the seeded data (a year of daily values, then 90 days of the station's own series), so no seeded
// reading shares a time with these packets.
const HOUR = Date.parse('2021-03-01T10:00:00+08:00');
const MINUTE = HOUR + 10 * 60_000;
const REALTIME = MINUTE + 30_000;

const READ = `query($cityCode: ID!, $id: ID!, $from: DateTime!, $to: DateTime!) {
  station(cityCode: $cityCode, id: $id) {
    realtime: readings(from: $from, to: $to, interval: REALTIME) { time interval values { code value flag } }
    minute: readings(from: $from, to: $to, interval: MINUTE) { time interval values { code value flag } }
    hourly: readings(from: $from, to: $to, interval: HOURLY) { time interval values { code value flag } }
    daily: readings(from: $from, to: $to, interval: DAILY) { time interval values { code value flag } }
    series: readings(from: $from, to: $to) { time interval }
    latestDaily: latest(interval: DAILY) { time }
  } }`;

describe('HJ 212 data types through the gateway', () => {
  it('reads back 2011, 2051 and 2061 packets of one station by interval, the real-time one within a second', async () => {
    const port = Number(/HJ 212 ingest listening on [^:\s]+:(\d+)/.exec(federation.bureau(CITY).output())?.[1]);
    expect(port).toBeGreaterThan(0);
    const found = await gql(`{ stations(cityCodes: ["${CITY}"], first: 1) { edges { node { id code latest { time interval values { code } } } } } }`);
    expect(found.errors).toBeUndefined();
    const station = found.data!['stations'].edges[0].node as { id: string; code: string; latest: { time: string; interval: string; values: { code: string }[] } };
    const factor = station.latest.values[0]!.code;
    const packet = (cn: string, at: number, suffix: 'Rtd' | 'Avg', value: string) => encodePacket({
      qn: `${formatHj212Time(at)}000`, st: '32', cn, pw: '123456', mn: station.code, flag: 5,
      cp: { dataTime: formatHj212Time(at), pollutants: [{ code: factor, fields: [[suffix, value], ['Flag', 'N']] }] },
    });

    device = await connectDevice(port);
    const sentAt = Date.now();
    await device.send(packet('2011', REALTIME, 'Rtd', '11.1'));
    const variables = { cityCode: CITY, id: station.id, from: new Date(HOUR).toISOString(), to: new Date(HOUR + 3_600_000).toISOString() };
    await expect.poll(async () => (await gql(READ, variables)).data?.['station']?.realtime, { timeout: 1_000, interval: 50 }).toEqual([
      { time: formatCst(REALTIME), interval: 'REALTIME', values: [{ code: factor, value: 11.1, flag: 'N' }] },
    ]);
    const realtimeLatencyMs = Date.now() - sentAt;

    await device.send(packet('2051', MINUTE, 'Avg', '22.2'));
    await device.send(packet('2061', HOUR, 'Avg', '33.3'));
    await device.waitForFrames(3); // the 9014 acks: each goes out once its packet is committed
    const res = await gql(READ, variables);
    expect(res.errors).toBeUndefined();
    const read = res.data!['station'];
    expect(read.minute).toEqual([{ time: formatCst(MINUTE), interval: 'MINUTE', values: [{ code: factor, value: 22.2, flag: 'N' }] }]);
    expect(read.hourly).toEqual([{ time: formatCst(HOUR), interval: 'HOURLY', values: [{ code: factor, value: 33.3, flag: 'N' }] }]);
    expect(read.daily).toEqual([]);
    // The newest daily value is a seeded one (of the day the station's own 90 days start in), not a packet's.
    expect(read.latestDaily.time).toMatch(/T00:00:00\+08:00$/);
    expect(Date.parse(read.latestDaily.time)).toBeGreaterThan(HOUR);
    expect(Date.parse(read.latestDaily.time)).toBeLessThan(Date.parse(station.latest.time));
    // Without `interval`: the station's own series only, as before.
    expect(read.series.every((r: { interval: string }) => r.interval === station.latest.interval)).toBe(true);
    console.log(`real-time packet readable through the gateway after ${realtimeLatencyMs} ms`);

    // The bureau's /metrics counts what its ingest took and refused, per reason.
    const good = Buffer.from(packet('2011', REALTIME + 1_000, 'Rtd', '1.0')).toString('latin1');
    const crcAt = good.length - 6; // …CRC(4)\r\n: change its first hex digit
    await device.send(Buffer.from(`${good.slice(0, crcAt)}${good[crcAt] === '0' ? '1' : '0'}${good.slice(crcAt + 1)}`, 'latin1'));
    const metricsUrl = new URL('/metrics', federation.bureau(CITY).url);
    await expect.poll(async () => (await (await fetch(metricsUrl)).text()), { timeout: 5_000 })
      .toContain('hj212_packets_rejected_total{reason="HJ212_CRC_MISMATCH"} 1');
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toMatch(/^hj212_packets_accepted_total 3$/m);
    expect(text).toMatch(/^hj212_acks_sent_total 3$/m);
  });

  it('gives the newest reading of each data type from Station.latest(interval:)', async () => {
    const found = await gql(`{ stations(cityCodes: ["${CITY}"], first: 1) { edges { node { cityCode id } } } }`);
    const { cityCode, id } = found.data!['stations'].edges[0].node;
    const res = await gql(`query($cityCode: ID!, $id: ID!) { station(cityCode: $cityCode, id: $id) {
      realtime: latest(interval: REALTIME) { time interval } minute: latest(interval: MINUTE) { time interval } } }`, { cityCode, id });
    expect(res.errors).toBeUndefined();
    // The simulator is off in tests, so the packets above are the newest of these types.
    expect(res.data!['station']).toEqual({
      realtime: { time: formatCst(REALTIME), interval: 'REALTIME' },
      minute: { time: formatCst(MINUTE), interval: 'MINUTE' },
    });
  });
});
