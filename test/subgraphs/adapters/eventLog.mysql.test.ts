/** The event log on MariaDB/MySQL (throwaway databases of the test server), against the shared suite. */
import { afterAll } from 'vitest';
import { openMysqlBureauSource } from '../../../subgraphs/adapters/mysql/index.ts';
import { openMigratedMysqlStore } from '../../../subgraphs/adapters/mysql/openMigratedMysqlStore.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';
import { describeWithServer } from './describeWithServer.ts';
import { describeEventLogContract } from './eventLogSuite.ts';
import { dropDatabase, dropRunDatabases, mysqlTestServer, throwawayDatabase } from './mysql/mysqlTestServer.ts';

await describeWithServer(mysqlTestServer, 'mysql event log', () => {
  afterAll(dropRunDatabases);
  describeEventLogContract('mysql', async (events) => {
    const { name, url } = await throwawayDatabase();
    const source = await openMysqlBureauSource({ url, cityCode: CITY, events });
    const db = await openMigratedMysqlStore<BureauDatabase>({ url, cityCode: CITY }, 'bureau');
    return { source, db, close: async () => { await db.destroy(); await source.close(); await dropDatabase(name); } };
  });
});
