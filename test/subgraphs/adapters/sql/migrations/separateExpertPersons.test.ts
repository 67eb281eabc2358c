import { describe, expect, it } from 'vitest';
import { bureauMigrations } from '../../../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../../../../../subgraphs/adapters/sql/schema.ts';
import { openSqliteDatabase } from '../../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { CITY } from '../../../../fixtures/bureauRecords.ts';

/** A store as 0001 left it: an expert row named by the person, beside a material. */
const row = (id: string, over: Partial<BureauDatabase['resources']>): BureauDatabase['resources'] => ({
  id, city_code: CITY, name: '吸油毡', category: 'COLLECTION', kind: 'MATERIAL', specification: 'PP-500', quantity: 1, unit: '张',
  managing_unit: '遂宁市生态环境局', depot_json: null, longitude: 105.6, latitude: 30.5, expires_on: null, status: 'AVAILABLE',
  contact_json: JSON.stringify({ person: '张三', phone: '0825-0000000' }), ...over,
});

describe('bureau migration 0002_separate_expert_persons', () => {
  it('renames an expert row after its speciality and keeps the person only in its contact, leaving other rows alone', async () => {
    const db = openSqliteDatabase<BureauDatabase>({ path: ':memory:', cityCode: CITY });
    try {
      const first = bureauMigrations.migrations['0001_bureau_tables']!;
      await migrateToLatest(db, { name: bureauMigrations.name, migrations: { '0001_bureau_tables': first } });
      await db.insertInto('resources').values([
        row('R1', {}),
        row('R2', { name: '王建国', kind: 'EXPERT', specification: '溢油污染控制与回收', contact_json: JSON.stringify({ person: '王建国', phone: '13800000000' }) }),
        row('R3', { name: '李秀英', kind: 'EXPERT', specification: '环境法律与损害赔偿', contact_json: null }),
      ]).execute();

      await migrateToLatest(db, bureauMigrations);

      const rows = await db.selectFrom('resources').select(['id', 'name', 'contact_json']).orderBy('id').execute();
      expect(rows.map((r) => [r.id, r.name, r.contact_json === null ? null : JSON.parse(r.contact_json)])).toEqual([
        ['R1', '吸油毡', { person: '张三', phone: '0825-0000000' }],
        ['R2', '应急专家：溢油污染控制与回收', { person: '王建国', phone: '13800000000' }],
        ['R3', '应急专家：环境法律与损害赔偿', { person: '李秀英', phone: '' }],
      ]);
    } finally {
      await db.destroy();
    }
  });
});
