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
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';
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
    const { url } = await throwawayDatabase();
    for (let i = 0; i < 2; i += 1) {
      const source = await openMysqlBureauSource({ url, cityCode: CITY });
      await source.health();
      await source.close();
    }
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
