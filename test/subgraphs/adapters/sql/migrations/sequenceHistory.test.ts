import { describe, expect, it } from 'vitest';
import { cooperationMigrations } from '../../../../../subgraphs/adapters/sql/migrations/cooperationMigrations.ts';
import { migrateToLatest } from '../../../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import { openSqliteDatabase } from '../../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';

const entry = (id: string, entityId: string, at: number, action: string) => ({
  id, entity_id: entityId, at, actor_sub: 'li.ming', actor_bureau: '510900', request_id: 'req', action, changes_json: '{}',
});

describe('cooperation migration 0007_history_sequence', () => {
  it('numbers the entries written before in their former order (at, then id), and numbers new ones after them', async () => {
    const db = openSqliteDatabase<any>({ path: ':memory:', cityCode: '510900' });
    try {
      const before = Object.fromEntries(Object.entries(cooperationMigrations.migrations).filter(([name]) => name < '0007'));
      await migrateToLatest(db, { name: cooperationMigrations.name, migrations: before });
      await db.insertInto('coop_history').values([
        entry('c', 'E1', 2, 'REPORT_ADDED'), entry('b', 'E1', 1, 'REPORTED'), entry('a', 'E2', 2, 'SENT'), entry('d', 'E1', 2, 'REPORT_ADDED'),
      ]).execute();

      await migrateToLatest(db, cooperationMigrations);
      await db.insertInto('coop_history').values(entry('0', 'E1', 2, 'LATER')).execute();

      const rows = await db.selectFrom('coop_history').select(['seq', 'id']).orderBy('seq').execute();
      expect(rows.map((r) => [r['seq'], r['id']])).toEqual([[1, 'b'], [2, 'a'], [3, 'c'], [4, 'd'], [5, '0']]);
    } finally {
      await db.destroy();
    }
  });
});
