/**
 * What the MariaDB/MySQL flavour does beyond the shared suites: connection failures, the session it
 * pins, the column collations it declares, numbers as numbers, and the inline distance agreeing with
 * the embedded store's haversineKm to the last bit on many random pairs.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MYSQL_FLAVOUR } from '../../../../subgraphs/adapters/mysql/mysqlFlavour.ts';
import { openMigratedMysqlStore } from '../../../../subgraphs/adapters/mysql/openMigratedMysqlStore.ts';
import { openMysqlBureauSource } from '../../../../subgraphs/adapters/mysql/openMysqlBureauSource.ts';
import { openMysqlDatabase } from '../../../../subgraphs/adapters/mysql/openMysqlDatabase.ts';
import { haversineKm } from '../../../../subgraphs/adapters/sqlite/haversineKm.ts';
import { bureauMigrations } from '../../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import type { BureauDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { writeBureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY, sampleBureauData } from '../../../fixtures/bureauRecords.ts';
import { describeWithServer } from '../describeWithServer.ts';
import { randomPointPairs } from '../randomPointPairs.ts';
import { admin, dropRunDatabases, MYSQL_TEST_URL, mysqlTestServer, throwawayDatabase } from './mysqlTestServer.ts';

describe('openMysqlDatabase without a server', () => {
  it('reports CITY_SOURCE_CONNECT without the URL, host or password in the message', async () => {
    const url = 'mysql://ecograph:s3cret@127.0.0.1:1/nowhere';
    const error = await openMysqlBureauSource({ url, cityCode: CITY, connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CitySourceError);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_CONNECT');
    expect((error as Error).message).not.toMatch(/s3cret|127\.0\.0\.1|mysql:|nowhere/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

/** The bureau store's tables (BureauDatabase) and the migration set's bookkeeping. */
const BUREAU_TABLES = ['projects', 'project_rivers', 'stations', 'readings', 'cases', 'patrols', 'resources', 'seed_meta', 'bureau_migration'];

/** What a migration run leaves in database `name`: its bookkeeping, tables and columns, and indexes. */
async function schemaSnapshot(name: string) {
  return admin(async (connection) => {
    const rows = async (text: string) => (await connection.query(text, [name]))[0] as Array<Record<string, unknown>>;
    return {
      applied: (await connection.query(`select name, timestamp from \`${name}\`.bureau_migration order by name`))[0] as Array<{ name: string }>,
      columns: await rows(`select table_name as \`table\`, column_name as \`column\`, column_type as type, is_nullable as nullable,
        collation_name as collation from information_schema.columns where table_schema = ? order by table_name, ordinal_position`),
      indexes: await rows(`select table_name as \`table\`, index_name as \`index\`, seq_in_index as seq, column_name as \`column\`
        from information_schema.statistics where table_schema = ? order by table_name, index_name, seq_in_index`),
    };
  });
}

await describeWithServer(mysqlTestServer, 'openMysqlDatabase', () => {
  afterAll(dropRunDatabases);

  it('reports CITY_SOURCE_CONNECT for a database that does not exist', async () => {
    const url = new URL(MYSQL_TEST_URL);
    url.pathname = '/ecograph_no_such_database';
    const error = await openMysqlDatabase({ url: url.toString(), cityCode: CITY }).catch((e: unknown) => e);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_CONNECT');
  });

  it('pins the session (UTC, no backslash-escape or ANSI quote modes) and returns numbers as numbers', async () => {
    const db = await openMysqlDatabase({ url: MYSQL_TEST_URL, cityCode: CITY });
    try {
      const { rows } = await sql<{ tz: string; mode: string; sum: number; big: number; dec: number; count: number }>`
        select @@session.time_zone as tz, @@session.sql_mode as mode, 0.1e0 + 0.2e0 as sum,
               cast(1735660800000 as signed) as big, 1.25 as ${sql.id('dec')}, count(*) as count`.execute(db);
      const row = rows[0];
      expect(row?.tz).toBe('+00:00');
      expect(row?.mode).not.toMatch(/NO_BACKSLASH_ESCAPES|ANSI_QUOTES/);
      expect(row?.mode).toMatch(/STRICT_ALL_TABLES/);
      expect([row?.sum, row?.big, row?.dec, row?.count]).toEqual([0.30000000000000004, 1_735_660_800_000, 1.25, 1]);
    } finally {
      await db.destroy();
    }
  });

  it('declares every text column of the bureau and region stores utf8mb4 with a binary collation, on a database whose default is not', async () => {
    const { name, url } = await throwawayDatabase();
    for (const store of ['bureau', 'region'] as const) {
      const db = await openMigratedMysqlStore({ url, cityCode: CITY }, store);
      await db.destroy();
    }
    const columns = await admin(async (connection) => (await connection.query(`
      select table_name as \`table\`, column_name as \`column\`, character_set_name as charset, collation_name as collation
      from information_schema.columns
      where table_schema = ? and data_type in ('varchar', 'mediumtext', 'text') and table_name not like '%migration%'`, [name]))[0] as
      Array<{ table: string; column: string; charset: string; collation: string }>);
    expect(columns.length).toBeGreaterThan(80);
    const collations = new Set(columns.map((c) => `${c.charset} ${c.collation}`));
    expect(collations.size).toBe(1);
    expect([...collations][0]).toMatch(/^utf8mb4 utf8mb4_(nopad_bin|0900_bin|bin)$/);
  });

  it('migrates an up-to-date store again without changes', async () => {
    const { name, url } = await throwawayDatabase();
    const data = sampleBureauData();
    const writer = await openMigratedMysqlStore<BureauDatabase>({ url, cityCode: CITY }, 'bureau');
    await writeBureauData(writer, data).finally(() => writer.destroy());
    const migrated = await schemaSnapshot(name);
    expect(migrated.applied.map((r) => r.name)).toEqual(Object.keys(bureauMigrations.migrations).sort());
    expect([...new Set(migrated.columns.map((c) => c['table']))]).toEqual(expect.arrayContaining(BUREAU_TABLES));
    expect(migrated.indexes.map((i) => i['index'])).toContain('projects_updated_at_id');

    const source = await openMysqlBureauSource({ url, cityCode: CITY });
    try {
      await source.health();
      expect(await schemaSnapshot(name)).toEqual(migrated); // nothing applied again, nothing altered
      const [project] = await source.projects.byIds([data.projects[0]!.id]);
      expect(project?.name).toBe(data.projects[0]!.name); // the data written in between is still there
    } finally {
      await source.close();
    }
  });

  it('refuses a store migrated by a newer release (a migration it does not know) with CITY_SOURCE_FAILED, touching nothing', async () => {
    const { name, url } = await throwawayDatabase();
    await (await openMigratedMysqlStore({ url, cityCode: CITY }, 'bureau')).destroy();
    await admin((connection) => connection.query(`insert into \`${name}\`.bureau_migration (name, timestamp) values (?, ?)`,
      ['9999_from_a_newer_release', new Date().toISOString()]));
    const newer = await schemaSnapshot(name);
    const error = await openMysqlBureauSource({ url, cityCode: CITY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CitySourceError);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_FAILED');
    expect(String(((error as Error).cause as Error | undefined)?.message)).toContain('9999_from_a_newer_release');
    expect(await schemaSnapshot(name)).toEqual(newer);
  });

  it('computes the inline distance exactly like haversineKm for 20,000 random pairs', async () => {
    const { url } = await throwawayDatabase();
    const db = await openMysqlDatabase<{ points: { n: number; lon: number; lat: number } }>({ url, cityCode: CITY });
    try {
      await sql`create table points (n integer primary key, lon double not null, lat double not null)`.execute(db);
      const pairs = randomPointPairs(20_000);
      const groups = 20; // 20 centres × 1,000 rows each
      const perGroup = pairs.length / groups;
      const rows = pairs.slice(0, perGroup).map(([lon, lat], n) => ({ n, lon, lat }));
      await db.insertInto('points').values(rows).execute();
      let differing = 0;
      for (let g = 0; g < groups; g += 1) {
        const centre = pairs[g * perGroup] as [number, number, number, number];
        const point = { longitude: centre[2], latitude: centre[3] };
        const result = await db.selectFrom('points').select(['n', 'lon', 'lat', MYSQL_FLAVOUR.distanceKm(point, 'lon', 'lat').as('d')])
          .orderBy('n').execute();
        for (const r of result) if (r.d !== haversineKm(r.lon, r.lat, point.longitude, point.latitude)) differing += 1;
      }
      console.log(`inline distance vs haversineKm: ${differing} of ${pairs.length} random pairs differ`);
      expect(differing).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
