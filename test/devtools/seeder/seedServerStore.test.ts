import { describe, expect, it } from 'vitest';
import { seedServerStore } from '../../../devtools/seeder/seedServerStore.ts';
import { readSeedMeta } from '../../../devtools/seeder/seedMeta.ts';
import { writeBureauData } from '../../../devtools/seeder/writeBureauData.ts';
import { project, sampleBureauData } from '../../fixtures/bureauRecords.ts';
import { openTestBureau } from '../../fixtures/openTestStores.ts';

const TABLES = ['readings', 'project_rivers', 'projects', 'stations', 'cases', 'patrols', 'resources'] as const;
const meta = (seed: string) => ({ generatorVersion: '1', seededAt: 1_700_000_000_000, details: { seed, scale: 1 } });

describe('seedServerStore', () => {
  it('seeds an empty store, leaves the same world alone, and replaces another world of its own', async () => {
    const store = await openTestBureau({});
    let writes = 0;
    const write = (db: typeof store.db) => { writes += 1; return writeBureauData(db, sampleBureauData()); };

    expect(await seedServerStore(store.db, { tables: TABLES, meta: meta('a'), write })).toBe('seeded');
    expect(await seedServerStore(store.db, { tables: TABLES, meta: meta('a'), write })).toBe('current');
    expect(await seedServerStore(store.db, { tables: TABLES, meta: meta('b'), write })).toBe('seeded');
    expect(writes).toBe(2);
    expect((await readSeedMeta(store.db))?.details).toEqual({ seed: 'b', scale: 1 });
    expect((await store.source.projects.list({ filter: {}, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 0 })).totalCount).toBe(10);
    await store.source.close();
  });

  it('refuses a store holding rows it did not write, unless forced', async () => {
    const store = await openTestBureau({ projects: [project(1)] });
    const write = (db: typeof store.db) => writeBureauData(db, { projects: [project(2), project(3)] });
    await expect(seedServerStore(store.db, { tables: TABLES, meta: meta('a'), write })).rejects.toThrow(/--force/);
    expect(await seedServerStore(store.db, { tables: TABLES, meta: meta('a'), write, force: true })).toBe('seeded');
    const ids = (await store.source.projects.byIds([project(1).id, project(2).id])).map((p) => p?.id ?? null);
    expect(ids).toEqual([null, project(2).id]);
    await store.source.close();
  });
});
