/**
 * The PostgreSQL server the adapter tests use (ECOGRAPH_TEST_PG_URL, default the local trust login
 * to database `test`) and throwaway stores in it: each store is a schema of its own,
 * `ecograph_test_<run>_<n>`, dropped when the store closes (and any leftover of the run at the end).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openMigratedPostgresStore } from '../../../../subgraphs/adapters/postgres/openMigratedPostgresStore.ts';
import { openPostgresBureauSource } from '../../../../subgraphs/adapters/postgres/openPostgresBureauSource.ts';
import { openPostgresRegionSource } from '../../../../subgraphs/adapters/postgres/openPostgresRegionSource.ts';
import type { BureauDatabase, RegionDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { writeBureauData, type BureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { writeRegionData, type RegionData } from '../../../../devtools/seeder/writeRegionData.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';
import { withoutPassword, type TestServer } from '../describeWithServer.ts';
import type { OpenedBureauSource } from '../sharedAdapterSuite.ts';
import type { OpenedRegionSource } from '../sharedRegionSuite.ts';
import { statementCounter } from '../statementCounter.ts';

export const PG_TEST_URL = process.env['ECOGRAPH_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export const postgresTestServer: TestServer = {
  name: 'PostgreSQL',
  where: withoutPassword(PG_TEST_URL),
  howToStart: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  probe: async () => {
    try {
      await admin((client) => client.query('select 1'));
      return null;
    } catch (error) {
      return error as Error;
    }
  },
};

/** Runs `work` on a short-lived connection of its own (outside the adapter under test). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const RUN = `ecograph_test_${randomBytes(4).toString('hex')}`;
let stores = 0;

/** A new, empty schema name for this run. */
export function throwawaySchema(): string {
  stores += 1;
  return `${RUN}_${stores}`;
}

export async function dropSchema(schema: string): Promise<void> {
  await admin((client) => client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`));
}

/** Drops every schema this run created that is still there. */
export async function dropRunSchemas(): Promise<void> {
  await admin(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)', [`${RUN}_`]);
    for (const { name } of rows) await client.query(`drop schema if exists ${client.escapeIdentifier(name)} cascade`);
  });
}

/** The shared suites' harness: a bureau source in a throwaway schema holding `data`. */
export async function openPostgresTestBureau(data: BureauData): Promise<OpenedBureauSource> {
  const schema = throwawaySchema();
  const counter = statementCounter();
  const source = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode: CITY, schema, onQuery: counter.onQuery });
  // Written through a pool of its own, so that the source's statement count is only the reads.
  const writer = await openMigratedPostgresStore<BureauDatabase>({ url: PG_TEST_URL, cityCode: CITY, schema }, 'bureau');
  await writeBureauData(writer, data).finally(() => writer.destroy());
  return { source, countStatements: counter.countStatements, close: () => closeAndDrop(source, schema) };
}

/** The same for the region store. */
export async function openPostgresTestRegion(data: RegionData): Promise<OpenedRegionSource> {
  const schema = throwawaySchema();
  const counter = statementCounter();
  const source = await openPostgresRegionSource({ url: PG_TEST_URL, cityCode: 'region', schema, onQuery: counter.onQuery });
  const writer = await openMigratedPostgresStore<RegionDatabase>({ url: PG_TEST_URL, cityCode: 'region', schema }, 'region');
  await writeRegionData(writer, data).finally(() => writer.destroy());
  return { source, countStatements: counter.countStatements, close: () => closeAndDrop(source, schema) };
}

async function closeAndDrop(source: { close(): Promise<void> }, schema: string): Promise<void> {
  await source.close().catch(() => undefined);
  await dropSchema(schema);
}
