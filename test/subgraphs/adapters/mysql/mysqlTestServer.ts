/**
 * The MariaDB/MySQL server the adapter tests use (ECOGRAPH_TEST_MYSQL_URL, default root without a
 * password on the local server) and throwaway stores in it: each store is a database of its own,
 * `ecograph_test_<run>_<n>`, created with the server's default collation (so the tests prove the
 * columns bring their own) and dropped when the store closes (and any leftover of the run at the end).
 */
import { randomBytes } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';
import { openMigratedMysqlStore } from '../../../../subgraphs/adapters/mysql/openMigratedMysqlStore.ts';
import { openMysqlBureauSource } from '../../../../subgraphs/adapters/mysql/openMysqlBureauSource.ts';
import { openMysqlRegionSource } from '../../../../subgraphs/adapters/mysql/openMysqlRegionSource.ts';
import type { BureauDatabase, RegionDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { writeBureauData, type BureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { writeRegionData, type RegionData } from '../../../../devtools/seeder/writeRegionData.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';
import { withoutPassword, type TestServer } from '../describeWithServer.ts';
import type { OpenedBureauSource } from '../sharedAdapterSuite.ts';
import type { OpenedRegionSource } from '../sharedRegionSuite.ts';
import { statementCounter } from '../statementCounter.ts';

export const MYSQL_TEST_URL = process.env['ECOGRAPH_TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';

export const mysqlTestServer: TestServer = {
  name: 'MariaDB/MySQL',
  where: withoutPassword(MYSQL_TEST_URL),
  howToStart: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
  probe: async () => {
    try {
      await admin((connection) => connection.query('select 1'));
      return null;
    } catch (error) {
      return error as Error;
    }
  },
};

/** Runs `work` on a short-lived connection of its own (outside the adapter under test). */
export async function admin<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await createConnection({ uri: MYSQL_TEST_URL, connectTimeout: 2000 });
  connection.on('error', () => {});
  try {
    return await work(connection);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

const RUN = `ecograph_test_${randomBytes(4).toString('hex')}`;
let stores = 0;

/** Creates a new, empty database for this run and returns its URL. */
export async function throwawayDatabase(): Promise<{ name: string; url: string }> {
  stores += 1;
  const name = `${RUN}_${stores}`;
  await admin((connection) => connection.query(`create database \`${name}\``));
  const url = new URL(MYSQL_TEST_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((connection) => connection.query(`drop database if exists \`${name}\``));
}

/** Drops every database this run created that is still there. */
export async function dropRunDatabases(): Promise<void> {
  await admin(async (connection) => {
    const [rows] = await connection.query('select schema_name as name from information_schema.schemata where schema_name like ?', [`${RUN}\\_%`]);
    for (const { name } of rows as Array<{ name: string }>) await connection.query(`drop database if exists \`${name}\``);
  });
}

/** The shared suites' harness: a bureau source in a throwaway database holding `data`. */
export async function openMysqlTestBureau(data: BureauData): Promise<OpenedBureauSource> {
  const { name, url } = await throwawayDatabase();
  const counter = statementCounter();
  const source = await openMysqlBureauSource({ url, cityCode: CITY, onQuery: counter.onQuery });
  // Written through a pool of its own, so that the source's statement count is only the reads.
  const writer = await openMigratedMysqlStore<BureauDatabase>({ url, cityCode: CITY }, 'bureau');
  await writeBureauData(writer, data).finally(() => writer.destroy());
  return { source, countStatements: counter.countStatements, close: () => closeAndDrop(source, name) };
}

/** The same for the region store. */
export async function openMysqlTestRegion(data: RegionData): Promise<OpenedRegionSource> {
  const { name, url } = await throwawayDatabase();
  const counter = statementCounter();
  const source = await openMysqlRegionSource({ url, cityCode: 'region', onQuery: counter.onQuery });
  const writer = await openMigratedMysqlStore<RegionDatabase>({ url, cityCode: 'region' }, 'region');
  await writeRegionData(writer, data).finally(() => writer.destroy());
  return { source, countStatements: counter.countStatements, close: () => closeAndDrop(source, name) };
}

async function closeAndDrop(source: { close(): Promise<void> }, database: string): Promise<void> {
  await source.close().catch(() => undefined);
  await dropDatabase(database);
}
