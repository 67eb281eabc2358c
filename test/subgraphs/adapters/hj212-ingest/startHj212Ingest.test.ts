import { afterEach, describe, expect, it } from 'vitest';
import { decodePacket } from '../../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodeAck9014 } from '../../../../subgraphs/hj212-codec/encodeAck9014.ts';
import { encodePacket, type Hj212PacketInput } from '../../../../subgraphs/hj212-codec/encodePacket.ts';
import { samplePacket, text } from '../../../fixtures/hj212/hj212Fixtures.ts';
import { connectDevice, type DeviceClient } from './deviceClient.ts';
import { hj212Station, SAMPLE_PACKET_STATIONS, startIngestFixture, type IngestFixture } from './ingestFixture.ts';
import type { Hj212IngestConfig } from '../../../../subgraphs/config/hj212IngestConfigSchema.ts';
import { writeBureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { sql } from 'kysely';

const WASTE_WATER = samplePacket('waste-water-realtime-2011').frame;
const AIR = samplePacket('ambient-air-hourly-2061').frame;
const WATER = samplePacket('surface-water-hourly-2061').frame;
const [WW_STATION, WATER_STATION, AIR_STATION] = SAMPLE_PACKET_STATIONS as [typeof SAMPLE_PACKET_STATIONS[0], typeof SAMPLE_PACKET_STATIONS[0], typeof SAMPLE_PACKET_STATIONS[0]];

let fixture: IngestFixture | undefined;
const devices: DeviceClient[] = [];
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await fixture?.close();
  fixture = undefined;
});

async function setUp(stations = SAMPLE_PACKET_STATIONS, config: Partial<Hj212IngestConfig> = {}) {
  fixture = await startIngestFixture(stations, config);
  return fixture;
}

async function device(f: IngestFixture): Promise<DeviceClient> {
  const d = await connectDevice(f.ingest.port);
  devices.push(d);
  return d;
}

/** An upload of the waste-water reference station at another DataTime (valid length and CRC). */
function wasteWaterAt(dataTime: string, over: Partial<Hj212PacketInput> = {}): string {
  return text(encodePacket({
    qn: `${dataTime}000`, st: '32', cn: '2011', pw: '123456', mn: WW_STATION.code, flag: 5,
    cp: { dataTime, pollutants: [{ code: 'w01018', fields: [['Rtd', '48.2'], ['Flag', 'N']] }] },
    ...over,
  }));
}

/** The 9014 ack the ingest answers `frame` with. */
function ackOf(frame: string): string {
  const decoded = decodePacket(frame);
  if (!decoded.ok) throw decoded.error;
  return text(encodeAck9014(decoded.packet));
}

/**
 * An upload that asks for an ack (Flag=5), sent after the packet under test on the same connection:
 * the ingest handles a connection's frames in order and acks in commit order, so once its ack is
 * back, any ack of the earlier packet would have come before it.
 */
const MARKER = wasteWaterAt('20240316000000');

/** How long to wait for something that takes milliseconds, on a loaded machine. */
const SETTLED = { timeout: 5_000 };

/** Waits until the ingest has handled `n` frames in all (frame handling is synchronous per chunk). */
async function framesHandled(f: IngestFixture, n: number): Promise<void> {
  await expect.poll(() => f.ingest.stats().frames, SETTLED).toBe(n);
}

describe('HJ 212 ingest over TCP', () => {
  it('stores an upload and answers the sample 9014 ack byte for byte when Flag=5 asks for it', async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(WASTE_WATER);
    expect(await d.waitForFrames(1)).toEqual([samplePacket('ack-9014').frame]);
    const [latest] = await f.source.monitoring.latestReadings([WW_STATION.id]);
    expect(latest).toEqual({
      stationId: WW_STATION.id,
      time: Date.parse('2024-03-15T10:05:00+08:00'),
      interval: 'REALTIME',
      values: [
        { code: 'w01018', value: 56.3, flag: 'N' },
        { code: 'w21003', value: 4.12, flag: 'N' },
        { code: 'w21011', value: 0.41, flag: 'D' },
        { code: 'w01001', value: 7.2, flag: 'N' },
        { code: 'w00000', value: 12.5, flag: 'N' },
      ],
    });
    expect(f.ingest.stats()).toMatchObject({ frames: 1, accepted: 1, stored: 1, readingsStored: 1, acksSent: 1, duplicates: 0 });
  });

  it('stores an upload with Flag=4 without answering, using the Avg values of hourly data', async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(AIR);
    await d.send(MARKER);
    expect(await d.waitForFrames(1)).toEqual([ackOf(MARKER)]);
    const [latest] = await f.source.monitoring.latestReadings([AIR_STATION.id]);
    expect(latest?.values.map((v) => [v.code, v.value])).toEqual([
      ['a34004', 48], ['a34002', 71], ['a21026', 9], ['a21004', 35], ['a21005', 0.8], ['a05024', 62],
    ]);
    expect(f.ingest.stats()).toMatchObject({ accepted: 2, stored: 2, acksSent: 1 }); // the marker's
  });

  it("stores a FOUR_HOURLY water station's 2061 upload as its series", async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(WATER);
    await d.waitForFrames(1);
    const [latest] = await f.source.monitoring.latestReadings([WATER_STATION.id]);
    expect(latest).toMatchObject({ interval: 'FOUR_HOURLY', time: Date.parse('2024-03-15T09:00:00+08:00') });
    expect(latest?.values).toHaveLength(9);
  });

  it("counts and logs each malformed packet while storing and acking the same connection's good ones", async () => {
    const f = await setUp();
    const d = await device(f);
    const good = ['20240315100600', '20240315100630', '20240315100700', '20240315100730'].map((t) => wasteWaterAt(t));
    const badCrc = good[0]!.replace(/[0-9A-F]{4}\r\n$/, '0000\r\n');
    const badLength = good[0]!.replace(/^##(\d{4})/, (_, n: string) => `##${String(Number(n) - 1).padStart(4, '0')}`);
    const unknownMn = wasteWaterAt('20240315100600', { mn: '500153WW9999999999999999' });
    const oversize = `##2000${'x'.repeat(40)}\r\n`;
    const notHexCrc = good[0]!.replace(/[0-9A-F]{4}\r\n$/, 'ZZZZ\r\n');
    await d.send(good[0]! + badCrc + good[1]! + 'noise' + badLength + unknownMn + oversize + good[2]!);
    await d.send(notHexCrc);
    await d.send(good[3]!);
    const acks = await d.waitForFrames(4);
    expect(acks.every((a) => a.includes('CN=9014'))).toBe(true);
    expect(d.closed).toBe(false);
    expect(await f.count('hj212_packets')).toBe(4);
    const stats = f.ingest.stats();
    expect(stats.rejected).toEqual({
      HJ212_BAD_FRAME: 1, // the frame whose CRC is not hex
      HJ212_OVERSIZE: 1,
      HJ212_BAD_LENGTH: 1,
      HJ212_CRC_MISMATCH: 1,
      HJ212_BAD_FIELD: 0,
      HJ212_UNKNOWN_CN: 0,
      HJ212_UNKNOWN_MN: 1,
      HJ212_SPLIT_INCOMPLETE: 0,
    });
    // 'noise' is garbage; the rest of the oversize frame is dropped with it, not counted again.
    expect(stats).toMatchObject({ stored: 4, acksSent: 4, garbageBytes: 5 });
    const rejected = f.logs.filter((l) => l.event === 'hj212.rejected');
    expect(rejected.map((l) => l.event === 'hj212.rejected' && l.code).sort()).toEqual(
      ['HJ212_BAD_FRAME', 'HJ212_BAD_LENGTH', 'HJ212_CRC_MISMATCH', 'HJ212_OVERSIZE', 'HJ212_UNKNOWN_MN']);
    expect(rejected.find((l) => l.event === 'hj212.rejected' && l.code === 'HJ212_UNKNOWN_MN')).toMatchObject({
      level: 'warn', mn: '500153WW9999999999999999', cn: '2011', peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    for (const line of f.logs) expect(JSON.parse(JSON.stringify(line))).toEqual(line); // one JSON line each
  });

  it("stores every packet that follows a cut frame whose length field lines up with that packet's CR LF (10 of 10)", async () => {
    const f = await setUp();
    const d = await device(f);
    const packets = Array.from({ length: 10 }, (_, k) => wasteWaterAt(`202403151${String(k).padStart(3, '0')}00`));
    const stream = packets.map((p) => {
      const data = p.slice(6, 50); // the device lost this packet's tail, then sent the next one whole
      return `##${String(6 + data.length + p.length - 12).padStart(4, '0')}${data}${p}`;
    }).join('');
    await d.send(stream);
    await d.waitForFrames(10);
    await f.ingest.flush();
    expect(await f.count('hj212_packets')).toBe(10);
    expect(f.ingest.stats()).toMatchObject({ stored: 10, acksSent: 10 });
  });

  it('stores a packet resent on the same and on another connection once, and acks every copy', async () => {
    const f = await setUp();
    const [a, b] = [await device(f), await device(f)];
    await a.send(WASTE_WATER + WASTE_WATER);
    await b.send(WASTE_WATER);
    await a.waitForFrames(2);
    await b.waitForFrames(1);
    await f.ingest.flush();
    expect(await f.count('hj212_packets')).toBe(1);
    expect(await f.count('readings')).toBe(1);
    expect(f.ingest.stats()).toMatchObject({ accepted: 3, stored: 1, duplicates: 2, readingsStored: 1, acksSent: 3 });
  });

  it("keeps every data type in hj212_packets and only the station's series CN in readings", async () => {
    const station = hj212Station(9, '500153WG0000000000000009', 'POLLUTION_SOURCE', 'HOURLY');
    const f = await setUp([station]);
    const d = await device(f);
    const upload = (cn: string, key: string, value: string) => text(encodePacket({
      qn: '20240315100000000', st: '31', cn, pw: '123456', mn: station.code, flag: 5,
      cp: { dataTime: '20240315090000', pollutants: [{ code: 'a21026', fields: [[key, value], ['Flag', 'N']] }] },
    }));
    await d.send(upload('2011', 'Rtd', '11') + upload('2051', 'Avg', '12') + upload('2061', 'Avg', '13') + upload('2031', 'Avg', '14'));
    await d.waitForFrames(4);
    const packets = await f.db.selectFrom('hj212_packets').select(['cn', 'reading_interval', 'values_json']).orderBy('cn').execute();
    expect(packets).toEqual([
      { cn: '2011', reading_interval: 'REALTIME', values_json: '[["a21026",11,"N"]]' },
      { cn: '2031', reading_interval: 'DAILY', values_json: '[["a21026",14,"N"]]' },
      { cn: '2051', reading_interval: 'MINUTE', values_json: '[["a21026",12,"N"]]' },
      { cn: '2061', reading_interval: 'HOURLY', values_json: '[["a21026",13,"N"]]' },
    ]);
    const [latest] = await f.source.monitoring.latestReadings([station.id]);
    expect(latest).toMatchObject({ interval: 'HOURLY', values: [{ code: 'a21026', value: 13, flag: 'N' }] });
  });

  it('makes a reading queryable through SqlBureauSource.monitoring.latestReadings within a second of its packet', async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(wasteWaterAt('20250101080000'));
    // The promise is the deadline: poll the graph's read port for at most a second, without ever
    // calling flush() (the 50 ms group commit must get it there on its own).
    await expect.poll(async () => (await f.source.monitoring.latestReadings([WW_STATION.id]))[0]?.time, { timeout: 1_000, interval: 10 })
      .toBe(Date.parse('2025-01-01T08:00:00+08:00'));
  });

  it('reassembles a message split over two packets (Flag bit D, PNUM/PNO) into one reading and acks both parts', async () => {
    const f = await setUp();
    const d = await device(f);
    const part = (pno: number, code: string, value: string) => text(encodePacket({
      qn: '20240315110000000', st: '32', cn: '2011', pw: '123456', mn: WW_STATION.code, flag: 7,
      subpacket: { total: 2, number: pno },
      cp: { dataTime: '20240315110000', pollutants: [{ code, fields: [['Rtd', value], ['Flag', 'N']] }] },
    }));
    await d.send(part(2, 'w21003', '3.5'));
    await framesHandled(f, 1);
    await f.ingest.flush(); // stores whatever was handed to the writer: nothing yet, the part is held
    expect(await f.count('hj212_packets')).toBe(0);
    await d.send(part(1, 'w01018', '50.1'));
    await d.waitForFrames(2);
    const [latest] = await f.source.monitoring.latestReadings([WW_STATION.id]);
    expect(latest?.values).toEqual([{ code: 'w01018', value: 50.1, flag: 'N' }, { code: 'w21003', value: 3.5, flag: 'N' }]);
  });

  it('refuses a data upload whose factor has a data flag outside HJ 212-2017 §6.6.4', async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(encodePacket({
      st: '32', cn: '2011', mn: WW_STATION.code, flag: 5,
      cp: { dataTime: '20240315120000', pollutants: [{ code: 'w01018', fields: [['Rtd', '1'], ['Flag', 'X']] }] },
    }));
    await d.send(MARKER);
    expect(await d.waitForFrames(1)).toEqual([ackOf(MARKER)]);
    expect(f.ingest.stats().rejected.HJ212_BAD_FIELD).toBe(1);
    expect(await f.count('hj212_packets')).toBe(1); // the marker's
  });

  it('accepts the first packet of a station written to the store just after the ingest started', async () => {
    // The default recheck interval (5 s) is still running from the start: it must not matter.
    const f = await setUp([WW_STATION]);
    await writeBureauData(f.bureau, { stations: [AIR_STATION] });
    const d = await device(f);
    await d.send(AIR);
    // The MN not in memory waits for its lookup in the store, then is accepted or refused.
    await expect.poll(() => { const s = f.ingest.stats(); return s.accepted + s.rejected.HJ212_UNKNOWN_MN; }, SETTLED).toBe(1);
    await f.ingest.flush();
    expect(await f.count('hj212_packets')).toBe(1);
    expect(f.ingest.stats().rejected.HJ212_UNKNOWN_MN).toBe(0);
  });

  it('acks but does not store a valid non-data upload (equipment status, CN=2021)', async () => {
    const f = await setUp();
    const d = await device(f);
    await d.send(encodePacket({
      qn: '20240315100000000', st: '32', cn: '2021', pw: '123456', mn: WW_STATION.code, flag: 5,
      cp: { dataTime: '20240315100000', pollutants: [{ code: 'SB1', fields: [['RS', '1']] }] },
    }));
    const [ack] = await d.waitForFrames(1);
    expect(ack).toContain(';CN=9014;');
    expect(f.ingest.stats()).toMatchObject({ ignored: 1, accepted: 0, acksSent: 1 });
    expect(await f.count('hj212_packets')).toBe(0);
  });

  it('withholds the ack when the store fails, so the device resends, and logs the failure', async () => {
    const f = await setUp();
    await sql`DROP TABLE hj212_packets`.execute(f.bureau);
    const d = await device(f);
    await d.send(WASTE_WATER);
    await expect.poll(() => f.ingest.stats().accepted, SETTLED).toBe(1);
    await f.ingest.flush(); // the failed batch: an ack, if any, would be written before this resolves
    // The store is broken, so the marker is a status upload (CN=2021): acked without storing.
    const status = text(encodePacket({
      qn: '20240315100000000', st: '32', cn: '2021', pw: '123456', mn: WW_STATION.code, flag: 5,
      cp: { dataTime: '20240315100000', pollutants: [{ code: 'SB1', fields: [['RS', '1']] }] },
    }));
    await d.send(status);
    expect(await d.waitForFrames(1)).toEqual([ackOf(status)]);
    expect(f.ingest.stats()).toMatchObject({ accepted: 1, stored: 0, storeFailures: 1, acksSent: 1 });
    expect(f.logs).toContainEqual({ level: 'error', event: 'hj212.store_failed', rows: 1, error: expect.stringContaining('hj212_packets') });
  });

  it('close() stores and acks what was received, then closes the connections', async () => {
    const f = await setUp([WW_STATION], { flushIntervalMs: 5_000 });
    const d = await device(f);
    await d.send(wasteWaterAt('20240315130000') + wasteWaterAt('20240315130030'));
    await expect.poll(() => f.ingest.stats().accepted, SETTLED).toBe(2);
    expect(f.ingest.stats().backlog).toBe(2);
    expect(await f.count('hj212_packets')).toBe(0); // still waiting for its batch
    await f.ingest.close();
    expect(d.received).toHaveLength(2);
    expect(await f.count('hj212_packets')).toBe(2);
    await d.whenClosed;
  });
});
