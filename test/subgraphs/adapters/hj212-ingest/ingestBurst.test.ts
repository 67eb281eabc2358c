import { afterEach, describe, expect, it } from 'vitest';
import type { ReadingInterval, StationKind, StationRecord } from '../../../../subgraphs/kit/model.ts';
import { simulateStations } from '../../../../devtools/hj212-simulator/simulateStations.ts';
import { hj212Station, startIngestFixture, type IngestFixture } from './ingestFixture.ts';

const STATIONS = 50;
const PACKETS_PER_STATION = 200;

/** 500153's mix: water (4-hourly), air (hourly), sources (real-time and hourly), some on HJ 212-2025. */
function burstStations(): StationRecord[] {
  const kinds: Array<[StationKind, ReadingInterval, string]> = [
    ['WATER_QUALITY', 'FOUR_HOURLY', 'SZ'], ['AIR_QUALITY', 'HOURLY', 'AQ'],
    ['POLLUTION_SOURCE', 'REALTIME', 'WW'], ['POLLUTION_SOURCE', 'HOURLY', 'WW'], ['POLLUTION_SOURCE', 'MINUTE', 'WW'],
  ];
  return Array.from({ length: STATIONS }, (_, i) => {
    const [kind, interval, tag] = kinds[i % kinds.length]!;
    return hj212Station(100 + i, `500153${tag}${String(i + 1).padStart(16, '0')}`, kind, interval, {
      protocolVersion: i % 8 === 0 ? 'HJ 212-2025' : 'HJ 212-2017',
    });
  });
}

let fixture: IngestFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('HJ 212 ingest under a burst', () => {
  it(`stores every valid packet of ${STATIONS} stations × ${PACKETS_PER_STATION} packets exactly once, counting duplicates and bad packets`, async () => {
    const stations = burstStations();
    fixture = await startIngestFixture(stations);
    const f = fixture;

    const result = await simulateStations({
      port: f.ingest.port,
      stations,
      packetsPerStation: PACKETS_PER_STATION,
      startTime: Date.parse('2024-01-01T00:00:00+08:00'),
      duplicateRate: 0.05,
      faultRate: 0.03,
      seed: 212,
      ackTimeoutMs: 15_000,
    });
    await f.ingest.flush();

    const sent = result.valid + result.duplicates + result.faults.crc + result.faults.length + result.faults.unknownMn + result.faults.garbage;
    console.log(`HJ 212 burst: ${sent} packets (${result.valid} valid, ${result.duplicates} resent, ` +
      `${sent - result.valid - result.duplicates} bad) over ${STATIONS} connections in ${result.elapsedMs} ms ` +
      `= ${Math.round((sent / result.elapsedMs) * 1000)} packets/s, stored and acked`);

    expect(result.valid).toBe(STATIONS * PACKETS_PER_STATION);
    expect(result.duplicates).toBeGreaterThan(0);
    expect(result.faults).toEqual({ crc: expect.any(Number), length: expect.any(Number), unknownMn: expect.any(Number), garbage: expect.any(Number) });
    expect(Object.values(result.faults).every((n) => n > 0)).toBe(true);

    expect(await f.count('hj212_packets')).toBe(result.valid);
    expect(await f.count('readings')).toBe(result.valid);
    const perStation = await f.db.selectFrom('readings').select(['station_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('station_id').execute();
    expect(perStation).toHaveLength(STATIONS);
    expect(perStation.every((r) => Number(r.n) === PACKETS_PER_STATION)).toBe(true);

    const stats = f.ingest.stats();
    expect(stats).toMatchObject({
      connectionsTotal: STATIONS,
      accepted: result.valid + result.duplicates,
      stored: result.valid,
      readingsStored: result.valid,
      duplicates: result.duplicates,
      acksSent: result.valid + result.duplicates,
      storeFailures: 0,
      backlog: 0,
      garbageBytes: result.faults.garbage * 'AT+CIPSEND\r\nERROR\r\n'.length,
    });
    expect(stats.rejected).toMatchObject({
      HJ212_CRC_MISMATCH: result.faults.crc,
      HJ212_BAD_LENGTH: result.faults.length,
      HJ212_UNKNOWN_MN: result.faults.unknownMn,
      HJ212_BAD_FRAME: 0,
      HJ212_BAD_FIELD: 0,
      HJ212_OVERSIZE: 0,
    });
    expect(result.acks).toBe(result.valid + result.duplicates);
  });
});
