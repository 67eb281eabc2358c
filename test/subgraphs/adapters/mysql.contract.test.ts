/**
 * The MariaDB/MySQL flavour against the shared adapter suite, in throwaway databases of the test
 * server. Skips loudly when the server is down, fails when CI is set (see describeWithServer.ts).
 */
import { afterAll } from 'vitest';
import { describeWithServer } from './describeWithServer.ts';
import { dropDatabase, dropRunDatabases, mysqlTestServer, openMysqlTestBureau, openMysqlTestRegion, throwawayDatabase } from './mysql/mysqlTestServer.ts';
import { openMysqlBureauSource } from '../../../subgraphs/adapters/mysql/index.ts';
import { describeCooperationStoreContract, type OpenCooperationStore } from './cooperationStoreSuite.ts';
import { describeJointEnforcementStoreContract } from './jointEnforcementStoreSuite.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';
import { describeRegionSourceContract } from './sharedRegionSuite.ts';

await describeWithServer(mysqlTestServer, 'mysql adapter', () => {
  afterAll(dropRunDatabases);
  describeBureauSourceContract('mysql', openMysqlTestBureau);
  describeRegionSourceContract('mysql', openMysqlTestRegion);
  const openStore: OpenCooperationStore = async (cityCode) => {
    const { name, url } = await throwawayDatabase();
    const source = await openMysqlBureauSource({ url, cityCode });
    return { store: source.cooperation, close: async () => { await source.close(); await dropDatabase(name); } };
  };
  describeCooperationStoreContract('mysql', openStore);
  describeJointEnforcementStoreContract('mysql', openStore);
});
