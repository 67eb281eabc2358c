/**
 * The PostgreSQL flavour against the shared adapter suite, in throwaway schemas of the test server.
 * Skips loudly when the server is down, fails when CI is set (see describeWithServer.ts).
 */
import { afterAll } from 'vitest';
import { describeWithServer } from './describeWithServer.ts';
import { dropRunSchemas, openPostgresTestBureau, openPostgresTestRegion, postgresTestServer } from './postgres/postgresTestServer.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';
import { describeRegionSourceContract } from './sharedRegionSuite.ts';

await describeWithServer(postgresTestServer, 'postgres adapter', () => {
  afterAll(dropRunSchemas);
  describeBureauSourceContract('postgres', openPostgresTestBureau);
  describeRegionSourceContract('postgres', openPostgresTestRegion);
});
