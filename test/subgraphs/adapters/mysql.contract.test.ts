/**
 * The MariaDB/MySQL flavour against the shared adapter suite, in throwaway databases of the test
 * server. Skips loudly when the server is down, fails when CI is set (see describeWithServer.ts).
 */
import { afterAll } from 'vitest';
import { describeWithServer } from './describeWithServer.ts';
import { dropRunDatabases, mysqlTestServer, openMysqlTestBureau, openMysqlTestRegion } from './mysql/mysqlTestServer.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';
import { describeRegionSourceContract } from './sharedRegionSuite.ts';

await describeWithServer(mysqlTestServer, 'mysql adapter', () => {
  afterAll(dropRunDatabases);
  describeBureauSourceContract('mysql', openMysqlTestBureau);
  describeRegionSourceContract('mysql', openMysqlTestRegion);
});
