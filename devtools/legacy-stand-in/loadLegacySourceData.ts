/**
 * Where the simulated system's data comes from: the seeded generator (the default, matching what
 * `npm start` seeds for the bureau), a JSON file of contract records, or a bureau SQLite store
 * written by the seeding step.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CityCode, ReadingRecord, StationRecord } from '../../subgraphs/kit/model.ts';
import { openSqliteBureauSource } from '../../subgraphs/adapters/sqlite/openSqliteBureauSource.ts';
import { generateWorld } from '../demo-world/generateWorld.ts';
import type { LegacySourceData } from './LegacyDataset.ts';

export type LegacyDataOrigin =
  | { readonly kind: 'seed'; readonly seed: string; readonly scale: number; readonly until: number }
  | { readonly kind: 'file'; readonly path: string };

export async function loadLegacySourceData(origin: LegacyDataOrigin, cityCode: CityCode): Promise<LegacySourceData> {
  switch (origin.kind) {
    case 'seed': {
      const bureau = generateWorld({ seed: origin.seed, scale: origin.scale, until: origin.until }).bureaus[cityCode];
      if (!bureau) throw new RangeError(`the generator has no bureau ${cityCode}`);
      return bureau;
    }
    case 'file':
      return extname(origin.path).toLowerCase() === '.json' ? readJsonFile(origin.path, cityCode) : readSqliteFile(origin.path, cityCode);
  }
}

/** `{ projects, stations, cases, patrols, resources, readings }` of contract records (readings flat). */
async function readJsonFile(path: string, cityCode: CityCode): Promise<LegacySourceData> {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const array = <T>(key: string): T[] => {
    const value = json[key] ?? [];
    if (!Array.isArray(value)) throw new TypeError(`${path}: "${key}" must be an array`);
    return value as T[];
  };
  const readings = array<ReadingRecord>('readings');
  return {
    cityCode,
    projects: array('projects'),
    stations: array('stations'),
    cases: array('cases'),
    patrols: array('patrols'),
    resources: array('resources'),
    readings: (station: StationRecord) => readings.filter((r) => r.stationId === station.id),
  };
}

/** Everything in a seeded bureau store, read through the SQL adapter's own ports. */
async function readSqliteFile(path: string, cityCode: CityCode): Promise<LegacySourceData> {
  const source = await openSqliteBureauSource({ path, cityCode, readonly: true, fileMustExist: true });
  try {
    const all = { filter: {}, sort: { field: 'id', direction: 'ASC' as const }, after: null, limit: Number.MAX_SAFE_INTEGER };
    const stations = (await source.monitoring.listStations(all)).items;
    const series = await source.monitoring.readings(stations.map((s) => ({ stationId: s.id, from: 0, to: Number.MAX_SAFE_INTEGER })));
    const byStation = new Map(stations.map((s, i) => [s.id, series[i] ?? []]));
    return {
      cityCode,
      projects: (await source.projects.list(all)).items,
      stations,
      cases: (await source.cases.listCases(all)).items,
      patrols: (await source.cases.listPatrols(all)).items,
      resources: (await source.emergency.listResources(all)).items,
      readings: (station) => byStation.get(station.id) ?? [],
    };
  } finally {
    await source.close();
  }
}
