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
import { POSTGRES_MIGRATIONS } from '../../../../subgraphs/adapters/postgres/postgresMigrations.ts';
import type { BureauDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { writeBureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { haversineKm } from '../../../../subgraphs/adapters/sqlite/haversineKm.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY, sampleBureauData } from '../../../fixtures/bureauRecords.ts';
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

/** The bureau store's tables (BureauDatabase) and the migration sets' bookkeeping. */
const BUREAU_TABLES = ['projects', 'project_rivers', 'stations', 'readings', 'cases', 'patrols', 'resources', 'seed_meta', 'bureau_migration', 'bureau_postgres_migration'];

/** What a migration run leaves in `schema`: its bookkeeping, tables and columns, indexes and functions. */
async function schemaSnapshot(schema: string) {
  return admin(async (client) => {
    const rows = async (text: string) => (await client.query(text, [schema])).rows;
    const applied: Record<string, unknown[]> = {};
    for (const set of POSTGRES_MIGRATIONS.bureau) {
      applied[set.name] = (await client.query(
        `select name, timestamp from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(`${set.name}_migration`)} order by name`)).rows;
    }
    return {
      applied,
      columns: await rows(`select table_name, column_name, data_type, is_nullable, collation_name from information_schema.columns
        where table_schema = $1 order by table_name, ordinal_position`),
      indexes: await rows('select tablename, indexname, indexdef from pg_indexes where schemaname = $1 order by indexname'),
      functions: await rows('select routine_name from information_schema.routines where routine_schema = $1 order by routine_name'),
    };
  });
}

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

  // pg-pool listens for a connection's 'error' only while it is idle: a restart or failover that cut
  // one held between a transaction's statements used to end the whole bureau process.
  it.each([
    ['without', undefined],
    ['with', 2_000],
  ])('outlives the server ending a connection inside a transaction (%s a query timeout): the transaction fails, the next query answers', async (_, queryTimeoutMs) => {
    const { db } = await openPostgresDatabase({ url: PG_TEST_URL, cityCode: CITY, schema: throwawaySchema(), ...(queryTimeoutMs && { queryTimeoutMs }) });
    try {
      const transaction = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        const pid = rows[0]!.pid;
        await admin((client) => client.query('select pg_terminate_backend($1)', [pid]));
        // The server's goodbye reaches the client while it holds the connection without a statement.
        await expect.poll(() => admin(async (client) =>
          (await client.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount)).toBe(0);
        return sql`select 1`.execute(trx);
      });
      await expect(transaction).rejects.toThrow();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
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
    const data = sampleBureauData();
    const writer = await openMigratedPostgresStore<BureauDatabase>({ url: PG_TEST_URL, cityCode: CITY, schema }, 'bureau');
    await writeBureauData(writer, data).finally(() => writer.destroy());
    const migrated = await schemaSnapshot(schema);
    for (const set of POSTGRES_MIGRATIONS.bureau) {
      expect(migrated.applied[set.name]?.map((r) => (r as { name: string }).name), set.name).toEqual(Object.keys(set.migrations).sort());
    }
    expect([...new Set(migrated.columns.map((c) => c['table_name']))]).toEqual(expect.arrayContaining(BUREAU_TABLES));
    expect(migrated.indexes.map((i) => i['indexname'])).toContain('projects_updated_at_id');
    expect(migrated.functions.map((f) => f['routine_name'])).toContain('distance_km');

    const source = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode: CITY, schema });
    try {
      await source.health();
      expect(await schemaSnapshot(schema)).toEqual(migrated); // nothing applied again, nothing altered
      const [project] = await source.projects.byIds([data.projects[0]!.id]);
      expect(project?.name).toBe(data.projects[0]!.name); // the data written in between is still there
    } finally {
      await source.close();
    }
  });

  it('refuses a store migrated by a newer release (a migration it does not know) with CITY_SOURCE_FAILED, touching nothing', async () => {
    const schema = throwawaySchema();
    await (await openMigratedPostgresStore({ url: PG_TEST_URL, cityCode: CITY, schema }, 'bureau')).destroy();
    await admin((client) => client.query(`insert into ${client.escapeIdentifier(schema)}.bureau_migration (name, timestamp) values ($1, $2)`,
      ['9999_from_a_newer_release', new Date().toISOString()]));
    const newer = await schemaSnapshot(schema);
    const error = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode: CITY, schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CitySourceError);
    expect((error as CitySourceError).code).toBe('CITY_SOURCE_FAILED');
    expect(String(((error as Error).cause as Error | undefined)?.message)).toContain('9999_from_a_newer_release');
    expect(await schemaSnapshot(schema)).toEqual(newer);
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
