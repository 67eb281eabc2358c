/** The event log on PostgreSQL (throwaway schemas of the test server), against the shared suite. */
import { afterAll } from 'vitest';
import { openPostgresBureauSource } from '../../../subgraphs/adapters/postgres/index.ts';
import { openMigratedPostgresStore } from '../../../subgraphs/adapters/postgres/openMigratedPostgresStore.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';
import { describeWithServer } from './describeWithServer.ts';
import { describeEventLogContract } from './eventLogSuite.ts';
import { dropRunSchemas, dropSchema, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgres/postgresTestServer.ts';

await describeWithServer(postgresTestServer, 'postgres event log', () => {
  afterAll(dropRunSchemas);
  describeEventLogContract('postgres', async (events) => {
    const schema = throwawaySchema();
    const source = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode: CITY, schema, events });
    const db = await openMigratedPostgresStore<BureauDatabase>({ url: PG_TEST_URL, cityCode: CITY, schema }, 'bureau');
    return { source, db, close: async () => { await db.destroy(); await source.close(); await dropSchema(schema); } };
  });
});
