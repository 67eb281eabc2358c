/**
 * Real devices' packets over TCP: what the decoder tolerates is stored and counted per deviation in
 * stats().tolerated; a MODBUS CRC is taken only from an MN the bureau's config opted in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REAL_DEVICE_PACKETS } from '../../../fixtures/hj212/hj212Fixtures.ts';
import { connectDevice, type DeviceClient } from './deviceClient.ts';
import { hj212Station, startIngestFixture, type IngestFixture } from './ingestFixture.ts';

const real = (id: string) => {
  const p = REAL_DEVICE_PACKETS.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no packet ${id}`);
  return p;
};
const LONG_ST = real('p02'), MODBUS = real('p03'), MILLIS = real('p17');
const STATIONS = [LONG_ST, MODBUS, MILLIS].map((p, i) => hj212Station(40 + i, p.expected.MN, 'POLLUTION_SOURCE', 'REALTIME'));
const [LONG_ST_STATION, MODBUS_STATION, MILLIS_STATION] = STATIONS as [typeof STATIONS[0], typeof STATIONS[0], typeof STATIONS[0]];

let fixture: IngestFixture | undefined;
let device: DeviceClient | undefined;
afterEach(async () => {
  await device?.close();
  await fixture?.close();
  device = undefined;
  fixture = undefined;
});

async function sendAll(modbusCrcMns: string[]): Promise<IngestFixture> {
  fixture = await startIngestFixture(STATIONS, { modbusCrcMns });
  device = await connectDevice(fixture.ingest.port);
  await device.send([LONG_ST, MODBUS, MILLIS].map((p) => `${p.packet}\r\n`).join(''));
  const f = fixture;
  await expect.poll(() => f.ingest.stats().frames, { timeout: 2_000 }).toBe(3);
  await f.ingest.flush();
  return f;
}

describe('real devices\' packets through the HJ 212 ingest', () => {
  it('stores a 3-character ST and a DataTime with milliseconds, counting each deviation, and refuses a MODBUS CRC by default', async () => {
    const f = await sendAll([]);
    const stats = f.ingest.stats();
    expect(stats.tolerated).toEqual({
      HJ212_LONG_ST: 1, HJ212_LONG_PW: 0, HJ212_DATATIME_MILLISECONDS: 1, HJ212_CRC_MODBUS_LOW_BYTE_FIRST: 0,
    });
    expect(stats.rejected.HJ212_CRC_MISMATCH).toBe(1);
    expect(stats).toMatchObject({ accepted: 2, stored: 2 });
    const latest = await f.source.monitoring.latestReadings([LONG_ST_STATION.id, MODBUS_STATION.id, MILLIS_STATION.id]);
    expect(latest.map((r) => r?.time ?? null)).toEqual([
      Date.parse('2020-09-22T11:00:00+08:00'), null, Date.parse('2021-03-05T00:38:17+08:00'),
    ]);
    // No -Flag sent: the ingest reads the value as normal (N), as for every packet.
    expect(latest[2]?.values).toEqual([{ code: 'ele01', value: 1, flag: 'N' }, { code: 'ele02', value: 0, flag: 'N' }]);
  });

  it('takes the MODBUS CRC of an opted-in MN and counts it apart', async () => {
    const f = await sendAll([MODBUS.expected.MN]);
    expect(f.ingest.stats().tolerated.HJ212_CRC_MODBUS_LOW_BYTE_FIRST).toBe(1);
    expect(f.ingest.stats().rejected.HJ212_CRC_MISMATCH).toBe(0);
    const [latest] = await f.source.monitoring.latestReadings([MODBUS_STATION.id]);
    expect(latest).toMatchObject({ time: Date.parse('2020-09-23T11:17:07+08:00'), interval: 'REALTIME' });
    expect(latest?.values.find((v) => v.code === '811')).toEqual({ code: '811', value: 266.765, flag: 'N' });
  });
});
