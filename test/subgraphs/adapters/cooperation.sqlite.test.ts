/** The embedded SQLite cooperation store (its own file, as the spreadsheet and legacy bureaus keep it) against the shared suite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteCooperationStore } from '../../../subgraphs/adapters/sqlite/index.ts';
import { describeCooperationStoreContract, type OpenCooperationStore } from './cooperationStoreSuite.ts';
import { describeJointEnforcementStoreContract } from './jointEnforcementStoreSuite.ts';

const openStore: OpenCooperationStore = async (cityCode) => {
  const dir = mkdtempSync(join(tmpdir(), 'coop-'));
  const store = await openSqliteCooperationStore({ path: join(dir, `${cityCode}-cooperation.sqlite`), cityCode });
  return { store, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
};

describeCooperationStoreContract('sqlite', openStore);
describeJointEnforcementStoreContract('sqlite', openStore);
