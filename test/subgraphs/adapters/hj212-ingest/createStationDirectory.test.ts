/**
 * The ingest's stations by MN over a real SQLite bureau store: a station written after start is
 * found on its first packet, and unknown MNs cost a bounded number of queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStationDirectory } from '../../../../subgraphs/adapters/hj212-ingest/createStationDirectory.ts';
import { bureauMigrations } from '../../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { openSqliteDatabase } from '../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { writeBureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { CITY, hj212Station } from './ingestFixture.ts';

const dirs: string[] = [];
const dbs: Kysely<BureauDatabase>[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.destroy()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FIRST = hj212Station(1, '500153WW0000000000000001', 'POLLUTION_SOURCE', 'REALTIME');
const LATER = hj212Station(2, '500153WW0000000000000002', 'POLLUTION_SOURCE', 'HOURLY');

/** A store holding FIRST, a directory over it on a clock the test moves, and the station queries it ran. */
async function setUp(options: { recheckMs?: number; maxLookupsPerSecond?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'station-directory-'));
  dirs.push(dir);
  const db = openSqliteDatabase<BureauDatabase>({ path: join(dir, `${CITY}.sqlite`), cityCode: CITY });
  dbs.push(db);
  await migrateToLatest(db, bureauMigrations);
  await writeBureauData(db, { stations: [FIRST] });
  const queries: string[] = [];
  let clock = Date.parse('2026-12-07T08:00:00Z');
  const directory = await createStationDirectory({
    // Every statement the directory runs, as kysely executes it.
    db: db.withPlugin({ transformQuery: ({ node }) => { queries.push(node.kind); return node; }, transformResult: async ({ result }) => result }),
    now: () => clock,
    ...options,
  });
  return { db, directory, queries, advance: (ms: number) => { clock += ms; } };
}

describe('createStationDirectory', () => {
  it('finds a station written to the store after start on its first lookup, without waiting for any interval', async () => {
    const t = await setUp();
    expect(t.directory.find(LATER.code)).toBeUndefined();
    await writeBureauData(t.db, { stations: [LATER] });
    const found = await t.directory.lookUp(LATER.code);
    expect(found.station).toEqual({ id: LATER.id, mn: LATER.code, interval: 'HOURLY' });
    expect(t.directory.find(LATER.code)).toEqual(found.station);
  });

  it('asks the store about a missing MN once per interval, then finds it once it is written', async () => {
    const t = await setUp({ recheckMs: 5_000 });
    const before = t.queries.length;
    for (let i = 0; i < 10; i++) expect((await t.directory.lookUp(LATER.code)).station).toBeUndefined();
    expect(t.queries.length - before).toBe(1);
    await writeBureauData(t.db, { stations: [LATER] });
    t.advance(4_999);
    expect((await t.directory.lookUp(LATER.code)).station).toBeUndefined();
    t.advance(1);
    expect((await t.directory.lookUp(LATER.code)).station?.id).toBe(LATER.id);
    expect(t.queries.length - before).toBe(2);
  });

  it('shares one query among lookups of the same MN at once', async () => {
    const t = await setUp();
    await writeBureauData(t.db, { stations: [LATER] });
    const before = t.queries.length;
    const found = await Promise.all([1, 2, 3].map(() => t.directory.lookUp(LATER.code)));
    expect(found.map((f) => f.station?.id)).toEqual([LATER.id, LATER.id, LATER.id]);
    expect(t.queries.length - before).toBe(1);
  });

  it('asks about at most maxLookupsPerSecond made-up MNs a second, and says why it did not ask about the rest', async () => {
    const t = await setUp({ maxLookupsPerSecond: 3 });
    const before = t.queries.length;
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => t.directory.lookUp(`FAKE${i}`)));
    expect(t.queries.length - before).toBe(3);
    expect(answers.map((a) => a.why === undefined)).toEqual([true, true, true, false, false]);
    expect(answers[3]!.why).toMatch(/not asked: more than 3 unknown MNs this second/);
    t.advance(1_000);
    expect((await t.directory.lookUp('FAKE3')).why).toBeUndefined();
  });

  it('rejects a lookup when the store cannot be read', async () => {
    const t = await setUp();
    await t.db.destroy();
    dbs.splice(dbs.indexOf(t.db), 1);
    await expect(t.directory.lookUp(LATER.code)).rejects.toThrow();
  });
});
