/**
 * The legacy adapter against the simulated legacy system running as its own process on loopback,
 * filled with the small fixture bureau (ties on every sort key). The in-memory twin over the same
 * records is the oracle for every answer.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LegacyHttpBureauSource } from '../../../../subgraphs/adapters/legacy-http/LegacyHttpBureauSource.ts';
import type { LegacyAttemptEvent } from '../../../../subgraphs/adapters/legacy-http/LegacyClient.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import type { BureauSource, ListQuery, ListResult, SortSpec } from '../../../../subgraphs/kit/ports.ts';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import { CITY, ENTERPRISE_A, ENTERPRISE_B, ENTERPRISE_UNKNOWN, HOUR_MS, SUINING, T0 } from '../../../fixtures/bureauRecords.ts';
import { createInMemoryBureauSource } from '../../../fixtures/inMemoryBureauSource.ts';
import { startLegacyServiceProcess, type LegacyServiceProcess } from '../../../devtools/legacy-stand-in/startLegacyServiceProcess.ts';
import { legacyFixtureData, writeLegacyFixtureJson } from '../../../devtools/legacy-stand-in/legacyFixtureData.ts';
import { walkList } from '../contract/walkList.ts';

const fixture = legacyFixtureData();
const oracle = createInMemoryBureauSource(CITY, { ...fixture, readings: fixture.allReadings });
const dataFile = writeLegacyFixtureJson();

let clean: LegacyServiceProcess;
let source: LegacyHttpBureauSource;
beforeAll(async () => {
  clean = await startLegacyServiceProcess(['--data', dataFile, '--city', CITY, '--latency', '0']);
  source = new LegacyHttpBureauSource({ url: clean.url, cityCode: CITY });
});
afterAll(async () => {
  await source?.close();
  await clean?.stop();
  rmSync(dirname(dataFile), { recursive: true, force: true });
});

type Lister = (s: BureauSource) => (q: ListQuery<any>) => Promise<ListResult<{ id: string }>>;
const lists: ReadonlyArray<[string, Lister, string[]]> = [
  ['projects', (s) => (q) => s.projects.list(q), ['updatedAt', 'code', 'investmentWanYuan', 'progressPercent', 'id']],
  ['stations', (s) => (q) => s.monitoring.listStations(q), ['code', 'id']],
  ['cases', (s) => (q) => s.cases.listCases(q), ['filedAt', 'caseNumber', 'id']],
  ['patrols', (s) => (q) => s.cases.listPatrols(q), ['startedAt', 'id']],
  ['resources', (s) => (q) => s.emergency.listResources(q), ['id']],
];
const cases = lists.flatMap(([name, list, fields]) => fields.flatMap((field) =>
  (['DESC', 'ASC'] as const).map((direction) => ({ name, list, sort: { field, direction } as SortSpec }))));

describe('LegacyHttpBureauSource against the simulated legacy process', () => {
  it.each(cases)('walks $name by $sort.field $sort.direction exactly as the contract orders it, ties by global id', async ({ list, sort }) => {
    const walked = await walkList(list(source), {}, sort, 2);
    const expected = await walkList(list(oracle), {}, sort, 100);
    expect(walked.items.map((r) => r.id)).toEqual(expected.items.map((r) => r.id));
    expect(new Set(walked.totalCounts)).toEqual(new Set([expected.items.length]));
  });

  it('returns records equal to the originals, field by field', async () => {
    const all = { filter: {}, after: null, limit: 100 };
    expect((await source.cases.listCases({ ...all, sort: { field: 'filedAt', direction: 'DESC' } })).items)
      .toEqual((await oracle.cases.listCases({ ...all, sort: { field: 'filedAt', direction: 'DESC' } })).items);
    expect((await source.projects.list({ ...all, sort: { field: 'updatedAt', direction: 'DESC' } })).items)
      .toEqual((await oracle.projects.list({ ...all, sort: { field: 'updatedAt', direction: 'DESC' } })).items);
    expect((await source.emergency.listResources({ ...all, sort: { field: 'id', direction: 'ASC' } })).items)
      .toEqual((await oracle.emergency.listResources({ ...all, sort: { field: 'id', direction: 'ASC' } })).items);
  });

  it.each([
    ['projects by status', (s: BureauSource) => s.projects.list({ filter: { status: 'COMPLETED' }, sort: { field: 'updatedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['projects by river', (s: BureauSource) => s.projects.list({ filter: { riverId: 'qiongjiang' }, sort: { field: 'updatedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['projects by a search with % and _', (s: BureauSource) => s.projects.list({ filter: { search: '100%' }, sort: { field: 'updatedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['stations by kind and river', (s: BureauSource) => s.monitoring.listStations({ filter: { kind: 'WATER_QUALITY', riverId: 'fujiang' }, sort: { field: 'code', direction: 'ASC' }, after: null, limit: 100 })],
    ['joint cases', (s: BureauSource) => s.cases.listCases({ filter: { jointOnly: true }, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['cases by Chinese search', (s: BureauSource) => s.cases.listCases({ filter: { search: '纸业' }, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['cases by status', (s: BureauSource) => s.cases.listCases({ filter: { status: 'CLOSED' }, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 2 })],
    ['patrols by river', (s: BureauSource) => s.cases.listPatrols({ filter: { riverId: 'fujiang' }, sort: { field: 'startedAt', direction: 'DESC' }, after: null, limit: 100 })],
    ['resources by category and search', (s: BureauSource) => s.emergency.listResources({ filter: { category: 'MONITORING', search: '_50%' }, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 100 })],
    ['resources near 遂宁 by distance', (s: BureauSource) => s.emergency.listResources({ filter: { near: { point: SUINING, radiusKm: 30 } }, sort: { field: 'distanceKm', direction: 'ASC' }, after: null, limit: 100 })],
  ])('filters %s as the contract does', async (_name, run) => {
    expect(await run(source)).toEqual(await run(oracle));
  });

  it('pages resources near a point by distance, equal distances by id, strictly after the cursor', async () => {
    const near = { point: SUINING, radiusKm: 200 };
    const sort: SortSpec = { field: 'distanceKm', direction: 'ASC' };
    const walked = await walkList((q) => source.emergency.listResources(q), { near }, sort, 2);
    const expected = await oracle.emergency.listResources({ filter: { near }, sort, after: null, limit: 100 });
    expect(walked.items).toEqual(expected.items);
  });

  it('counts the filtered set ignoring `after`, and answers limit 0 with the count alone', async () => {
    const sort: SortSpec = { field: 'filedAt', direction: 'DESC' };
    const first = await source.cases.listCases({ filter: {}, sort, after: null, limit: 4 });
    const last = first.items.at(-1)!;
    const next = await source.cases.listCases({ filter: {}, sort, after: { value: last.filedAt, id: last.id }, limit: 4 });
    expect(next.totalCount).toBe(fixture.cases.length);
    expect(await source.cases.listCases({ filter: {}, sort, after: null, limit: 0 })).toEqual({ items: [], totalCount: fixture.cases.length });
  });

  it('looks up every kind by id in input order, null for unknown, foreign and wrong-type ids', async () => {
    const ids = [
      fixture.cases[3]!.id, encodeGlobalId('EnforcementCase', CITY, 'C404'), fixture.cases[0]!.id,
      encodeGlobalId('EnforcementCase', '511600', 'C001'), fixture.projects[0]!.id, fixture.cases[3]!.id,
    ];
    expect(await source.cases.casesByIds(ids)).toEqual(await oracle.cases.casesByIds(ids));
    const every = <T extends { id: string }>(records: readonly T[]) => records.map((r) => r.id).reverse();
    expect(await source.projects.byIds(every(fixture.projects))).toEqual(await oracle.projects.byIds(every(fixture.projects)));
    expect(await source.monitoring.stationsByIds(every(fixture.stations))).toEqual(await oracle.monitoring.stationsByIds(every(fixture.stations)));
    expect(await source.cases.patrolsByIds(every(fixture.patrols))).toEqual(await oracle.cases.patrolsByIds(every(fixture.patrols)));
    expect(await source.emergency.resourcesByIds(every(fixture.resources))).toEqual(await oracle.emergency.resourcesByIds(every(fixture.resources)));
  });

  it('answers the per-enterprise lookups: cases newest first, pollution-source stations by code', async () => {
    const codes = [ENTERPRISE_B, ENTERPRISE_UNKNOWN, ENTERPRISE_A];
    const byFiled = await oracle.cases.casesByEnterprises(codes);
    expect(await source.cases.casesByEnterprises(codes)).toEqual(byFiled);
    expect((await source.monitoring.stationsByEnterprises(codes)).map((list) => list.map((s) => s.code)))
      .toEqual([['510900320002'], [], ['510900320001']]);
  });

  it('answers readings windows (inclusive, sub-second bounds, inverted and foreign windows) and latest readings', async () => {
    const [s1, s2, , s4] = fixture.stations.map((s) => s.id) as [string, string, string, string];
    const windows = [
      { stationId: s1, from: T0 + 2 * HOUR_MS, to: T0 + 5 * HOUR_MS },
      { stationId: s2, from: T0 + 2 * HOUR_MS + 1, to: T0 + 5 * HOUR_MS - 1 },
      { stationId: s1, from: T0 + 5 * HOUR_MS, to: T0 },
      { stationId: s4, from: 0, to: Number.MAX_SAFE_INTEGER },
      { stationId: s1, from: 0, to: Number.MAX_SAFE_INTEGER },
      { stationId: encodeGlobalId('Station', '511600', 'S001'), from: 0, to: T0 * 2 },
    ];
    const got = await source.monitoring.readings(windows);
    expect(got).toEqual(await oracle.monitoring.readings(windows));
    expect(got.map((w) => w.length)).toEqual([4, 2, 0, 0, 48, 0]);
    expect(await source.monitoring.latestReadings([s4, s2, s1])).toEqual(await oracle.monitoring.latestReadings([s4, s2, s1]));
  });

  it('throws a TypeError for a sort field a list does not know', async () => {
    await expect(source.projects.list({ filter: {}, sort: { field: 'name', direction: 'ASC' }, after: null, limit: 3 })).rejects.toThrow(TypeError);
    await expect(source.emergency.listResources({ filter: {}, sort: { field: 'distanceKm', direction: 'ASC' }, after: null, limit: 3 })).rejects.toThrow(TypeError);
    await expect(source.cases.listCases({ filter: {}, sort: { field: 'constructor', direction: 'ASC' }, after: null, limit: 3 })).rejects.toThrow(TypeError);
  });

  it('is healthy while the system answers', async () => {
    await expect(source.health()).resolves.toBeUndefined();
  });
});

describe('LegacyHttpBureauSource when the legacy process misbehaves', () => {
  it('still answers every read correctly at 5 % faults and 20–60 ms latency, thanks to the retries', async () => {
    await using faulty = await startLegacyServiceProcess(['--data', dataFile, '--city', CITY, '--latency', '20-60', '--fault-rate', '0.05', '--fault-seed', 'five-percent']);
    const attempts: LegacyAttemptEvent[] = [];
    const flaky = new LegacyHttpBureauSource({ url: faulty.url, cityCode: CITY }, { onAttempt: (e) => attempts.push(e) });
    try {
      for (const { list, sort } of cases.filter((c) => c.sort.direction === 'DESC')) {
        const walked = await walkList(list(flaky), {}, sort, 3);
        expect(walked.items.map((r) => r.id)).toEqual((await walkList(list(oracle), {}, sort, 100)).items.map((r) => r.id));
      }
      const ids = fixture.cases.map((c) => c.id);
      for (let i = 0; i < 10; i += 1) expect(await flaky.cases.casesByIds(ids)).toEqual(await oracle.cases.casesByIds(ids));
    } finally {
      await flaky.close();
    }
    const failed = attempts.filter((a) => a.outcome !== 'ok');
    expect(attempts.length).toBeGreaterThan(60);
    expect(failed.length).toBeGreaterThan(0); // the faults did happen, and were absorbed
  });

  it('fails with a clear CitySourceError after its retries when every request fails', async () => {
    await using broken = await startLegacyServiceProcess(['--data', dataFile, '--city', CITY, '--latency', '0', '--fault-rate', '1', '--fault-seed', 'all']);
    const doomed = new LegacyHttpBureauSource({ url: broken.url, cityCode: CITY });
    try {
      const error = await doomed.cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 20 })
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(CitySourceError);
      const { code, message } = error as CitySourceError;
      expect(['CITY_SOURCE_FAILED', 'CITY_SOURCE_CONNECT']).toContain(code);
      expect(message).toMatch(/^The legacy system .* during cases list \(3 attempts\)\.$/);
      expect(message).not.toContain('127.0.0.1');
      await expect(doomed.health()).rejects.toBeInstanceOf(CitySourceError);
    } finally {
      await doomed.close();
    }
  });

  it('reports CITY_SOURCE_CONNECT when the system is down', async () => {
    const gone = await startLegacyServiceProcess(['--data', dataFile, '--city', CITY, '--latency', '0']);
    await gone.stop();
    const orphan = new LegacyHttpBureauSource({ url: gone.url, cityCode: CITY, backoffMs: 1 });
    try {
      await expect(orphan.health()).rejects.toMatchObject({ code: 'CITY_SOURCE_CONNECT', message: 'The legacy system could not be reached or dropped the connection during health check (3 attempts).' });
    } finally {
      await orphan.close();
    }
  });
});
