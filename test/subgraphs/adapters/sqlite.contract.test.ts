/** The embedded store (SQLite, in memory) against the shared adapter suite: the reference answers. */
import { CITY } from '../../fixtures/bureauRecords.ts';
import { openTestBureau, openTestRegion } from '../../fixtures/openTestStores.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';
import { describeRegionSourceContract } from './sharedRegionSuite.ts';

describeBureauSourceContract('sqlite', async (data) => {
  const store = await openTestBureau(data, ':memory:', CITY);
  return {
    source: store.source,
    close: () => store.source.close().catch(() => undefined),
    countStatements: (run) => store.log.count(run),
  };
});

describeRegionSourceContract('sqlite', async (data) => {
  const store = await openTestRegion(data);
  return {
    source: store.source,
    close: () => store.source.close().catch(() => undefined),
    countStatements: (run) => store.log.count(run),
  };
});
