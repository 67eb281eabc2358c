/** The event log on the embedded store (SQLite), against the shared suite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteBureauSource } from '../../../subgraphs/adapters/sqlite/index.ts';
import { openSqliteDatabase } from '../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';
import { describeEventLogContract } from './eventLogSuite.ts';

describeEventLogContract('sqlite', async (events) => {
  const dir = mkdtempSync(join(tmpdir(), 'events-'));
  const path = join(dir, `${CITY}.sqlite`);
  const source = await openSqliteBureauSource({ path, cityCode: CITY, events });
  const db = openSqliteDatabase<BureauDatabase>({ path, cityCode: CITY });
  return {
    source, db, close: async () => {
      await db.destroy();
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
