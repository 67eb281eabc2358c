/**
 * What the PostgreSQL flavour does beyond the shared suites: connection failures, the session it
 * pins, the column collations it declares, and `distance_km` agreeing with the embedded store's
 * haversineKm to the last bit on many random pairs.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedPostgresStore } from '../../../../subgraphs/adapters/postgres/openMigratedPostgresStore.ts';
import { openPostgresBureauSource } from '../../../../subgraphs/adapters/postgres/openPostgresBureauSource.ts';
import { openPostgresDatabase } from '../../../../subgraphs/adapters/postgres/openPostgresDatabase.ts';
import { haversineKm } from '../../../../subgraphs/adapters/sqlite/haversineKm.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';
import { describeWithServer } from '../describeWithServer.ts';
import { randomPointPairs } from '../randomPointPairs.ts';
import { admin, dropRunSchemas, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgresTestServer.ts';

describe('openPostgresDatabase without a server', () => {
  it('reports CITY_SOURCE_CONNECT without the URL, host or password in the message', async () => {
    const url = 'postgres://ecograph:s3cret@127.0.0.1:1/nowhere';
    const error = await openPostgresBureauSource({ url, cityCode: CITY, connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CitySourceError);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_CONNECT');
    expect((error as CitySourceError).cityCode).toBe(CITY);
    expect((error as Error).message).not.toMatch(/s3cret|127\.0\.0\.1|postgres:|nowhere/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

await describeWithServer(postgresTestServer, 'openPostgresDatabase', () => {
  afterAll(dropRunSchemas);

  it('reports CITY_SOURCE_CONNECT for a database that does not exist', async () => {
    const url = new URL(PG_TEST_URL);
    url.pathname = '/ecograph_no_such_database';
    const error = await openPostgresDatabase({ url: url.toString(), cityCode: CITY }).catch((e: unknown) => e);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_CONNECT');
  });

  it('pins the session: shortest exact doubles even when the URL asks for fewer digits, BIGINT as numbers, UTC, the schema', async () => {
    const schema = throwawaySchema();
    const url = new URL(PG_TEST_URL);
    url.searchParams.set('options', '-c extra_float_digits=0 -c TimeZone=Asia/Shanghai');
    const { db } = await openPostgresDatabase({ url: url.toString(), cityCode: CITY, schema });
    try {
      const { rows } = await sql<{ sum: number; big: number; count: number; tz: string; path: string }>`
        select 0.1::float8 + 0.2::float8 as sum, 1735660800000::bigint as big, count(*) as count,
               current_setting('TimeZone') as tz, current_schema() as path`.execute(db);
      expect(rows[0]).toEqual({ sum: 0.30000000000000004, big: 1_735_660_800_000, count: 1, tz: 'UTC', path: schema });
    } finally {
      await db.destroy();
    }
  });

  it('declares every text column of the bureau and region stores COLLATE "C"', async () => {
    const schema = throwawaySchema();
    for (const store of ['bureau', 'region'] as const) {
      const db = await openMigratedPostgresStore({ url: PG_TEST_URL, cityCode: CITY, schema }, store);
      await db.destroy();
    }
    const collations = await admin(async (client) => (await client.query<{ table: string; column: string; collation: string | null }>(`
      select table_name as table, column_name as column, collation_name as collation from information_schema.columns
      where table_schema = $1 and data_type in ('text', 'character varying') and table_name not like '%migration%'`, [schema])).rows);
    expect(collations.length).toBeGreaterThan(80);
    expect(collations.filter((c) => c.collation !== 'C')).toEqual([]);
  });

  it('migrates an up-to-date store again without changes', async () => {
    const schema = throwawaySchema();
    for (let i = 0; i < 2; i += 1) {
      const source = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode: CITY, schema });
      await source.health();
      await source.close();
    }
  });

  it('computes distance_km exactly like haversineKm for 20,000 random pairs, and NULL for a NULL coordinate', async () => {
    const schema = throwawaySchema();
    const db = await openMigratedPostgresStore({ url: PG_TEST_URL, cityCode: CITY, schema }, 'bureau');
    try {
      const pairs = randomPointPairs(20_000);
      const column = (i: 0 | 1 | 2 | 3) => pairs.map((p) => p[i]);
      const { rows } = await sql<{ d: number }>`
        select distance_km(lon1, lat1, lon2, lat2) as d
        from unnest(${column(0)}::float8[], ${column(1)}::float8[], ${column(2)}::float8[], ${column(3)}::float8[])
          with ordinality as t(lon1, lat1, lon2, lat2, n)
        order by n`.execute(db);
      const differing = rows.filter((r, i) => r.d !== haversineKm(...(pairs[i] as [number, number, number, number])));
      console.log(`distance_km vs haversineKm: ${differing.length} of ${pairs.length} random pairs differ`);
      expect(differing).toEqual([]);
      const nulls = await sql<{ d: number | null }>`select distance_km(null, 1, 2, 3) as d`.execute(db);
      expect(nulls.rows[0]?.d).toBeNull();
    } finally {
      await db.destroy();
    }
  });
});
