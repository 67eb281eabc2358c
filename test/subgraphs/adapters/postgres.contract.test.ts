/**
 * The PostgreSQL flavour against the shared adapter suite, in throwaway schemas of the test server.
 * Skips loudly when the server is down, fails when CI is set (see describeWithServer.ts).
 */
import { afterAll } from 'vitest';
import { describeWithServer } from './describeWithServer.ts';
import { dropRunSchemas, dropSchema, openPostgresTestBureau, openPostgresTestRegion, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgres/postgresTestServer.ts';
import { openPostgresBureauSource } from '../../../subgraphs/adapters/postgres/index.ts';
import { describeCooperationStoreContract, type OpenCooperationStore } from './cooperationStoreSuite.ts';
import { describeJointEnforcementStoreContract } from './jointEnforcementStoreSuite.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';
import { describeRegionSourceContract } from './sharedRegionSuite.ts';

await describeWithServer(postgresTestServer, 'postgres adapter', () => {
  afterAll(dropRunSchemas);
  describeBureauSourceContract('postgres', openPostgresTestBureau);
  describeRegionSourceContract('postgres', openPostgresTestRegion);
  const openStore: OpenCooperationStore = async (cityCode) => {
    const schema = throwawaySchema();
    const source = await openPostgresBureauSource({ url: PG_TEST_URL, cityCode, schema });
    return { store: source.cooperation, close: async () => { await source.close(); await dropSchema(schema); } };
  };
  describeCooperationStoreContract('postgres', openStore);
  describeJointEnforcementStoreContract('postgres', openStore);
});
