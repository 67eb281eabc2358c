import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLegacyDataset } from '../../../devtools/legacy-stand-in/LegacyDataset.ts';
import { loadLegacySourceData } from '../../../devtools/legacy-stand-in/loadLegacySourceData.ts';
import { parseLegacyServiceOptions } from '../../../devtools/legacy-stand-in/parseLegacyServiceOptions.ts';
import { CITY, sampleBureauData } from '../../fixtures/bureauRecords.ts';
import { openTestBureau } from '../../fixtures/openTestStores.ts';
import { legacyFixtureData, writeLegacyFixtureJson } from './legacyFixtureData.ts';

const dir = mkdtempSync(join(tmpdir(), 'legacy-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the legacy service\'s data', () => {
  const expected = buildLegacyDataset(legacyFixtureData());

  it('loads the same tables from a JSON file of records and from a seeded SQLite store', async () => {
    const json = writeLegacyFixtureJson();
    const fromJson = buildLegacyDataset(await loadLegacySourceData({ kind: 'file', path: json }, CITY));
    rmSync(dirname(json), { recursive: true, force: true });
    expect(fromJson).toEqual(expected);
    const path = join(dir, 'bureau.sqlite');
    const store = await openTestBureau(sampleBureauData(), path);
    await store.source.close();
    const fromSqlite = buildLegacyDataset(await loadLegacySourceData({ kind: 'file', path }, CITY));
    const byId = <T>(rows: readonly T[], key: keyof T) => [...rows].sort((a, b) => (a[key] < b[key] ? -1 : 1));
    expect(byId(fromSqlite.aj, 'ajid')).toEqual(byId(expected.aj, 'ajid'));
    expect(byId(fromSqlite.xm, 'xmid')).toEqual(byId(expected.xm, 'xmid'));
    expect(fromSqlite.jcsj).toEqual(expected.jcsj);
  });

  it('generates 511600 from the seeded generator by default', async () => {
    const options = parseLegacyServiceOptions(['--scale', '0.1', '--until', '2025-07-01T00:00:00+08:00'], {});
    expect(options).toMatchObject({ host: '127.0.0.1', port: 0, cityCode: '511600', faultRate: 0, latencyMs: { min: 20, max: 60 } });
    const dataset = buildLegacyDataset(await loadLegacySourceData(options.data, options.cityCode));
    expect(dataset.xm.length).toBeGreaterThan(0);
    expect(dataset.aj[0]?.ajid).toMatch(/^C\d+$/);
  });

  it('refuses settings it cannot honour, naming the option', () => {
    expect(() => parseLegacyServiceOptions(['--fault-rate', '1.5'], {})).toThrow(/--fault-rate/);
    expect(() => parseLegacyServiceOptions(['--latency', '60-20'], {})).toThrow(/--latency/);
    expect(() => parseLegacyServiceOptions([], { LEGACY_PORT: 'x' })).toThrow(/--port/);
    expect(() => parseLegacyServiceOptions(['--bogus'], {})).toThrow();
  });
});
