import { describe, expect, it } from 'vitest';
import { bureauMigrations } from '../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import { writeBureauData } from '../../../devtools/seeder/writeBureauData.ts';
import { openSqliteDatabase } from '../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { CITY, T0, readingSeries, sampleBureauData, station } from '../../fixtures/bureauRecords.ts';

async function emptyStore() {
  const db = openSqliteDatabase<BureauDatabase>({ path: ':memory:', cityCode: CITY });
  await migrateToLatest(db, bureauMigrations);
  return db;
}

describe('writeBureauData', () => {
  it('writes every record, returns the counts, and reports progress up to a known total', async () => {
    const db = await emptyStore();
    const data = sampleBureauData();
    const progress: Array<[number, number | undefined]> = [];
    const counts = await writeBureauData(db, data, { expectedReadings: 144, onProgress: (d, t) => progress.push([d, t]) });
    expect(counts).toEqual({ projects: 10, stations: 8, readings: 144, cases: 9, patrols: 7, resources: 8 });
    expect(progress.at(-1)).toEqual([186, 186]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    await db.destroy();
  });

  it('reports no total when readings are written without an expected count', async () => {
    const db = await emptyStore();
    const progress: Array<number | undefined> = [];
    await writeBureauData(db, { stations: [station(1)], readingsOf: (s) => readingSeries(s.id, T0, 3) }, {
      onProgress: (_, total) => progress.push(total),
    });
    expect(progress).toEqual([undefined, undefined]);
    await db.destroy();
  });

  it('writes nothing when any record fails (one transaction)', async () => {
    const db = await emptyStore();
    const data = sampleBureauData();
    const duplicate = data.cases[0];
    await expect(writeBureauData(db, { ...data, cases: [...data.cases, ...(duplicate ? [duplicate] : [])] })).rejects.toThrow();
    const { n } = await db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(0);
    await db.destroy();
  });

  it('refuses readings of a station that is not in the store (foreign key)', async () => {
    const db = await emptyStore();
    await expect(writeBureauData(db, { stations: [station(1)], readingsOf: () => readingSeries('ghost', T0, 1) })).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
