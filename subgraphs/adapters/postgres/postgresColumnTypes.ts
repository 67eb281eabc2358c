import { sql } from 'kysely';
import type { ColumnTypes } from '../sql/migrations/columnTypes.ts';

/**
 * Every text column `COLLATE "C"`: byte order, as SQLite's BINARY and JavaScript's comparison of
 * ASCII ids, whatever the database's locale (a zh_CN or en_US collation would order 'B' after 'a'
 * and 潼 after 遂 by pinyin). It also keeps indexes usable for the keyset's range scans, and makes
 * `lower()` fold A–Z only (see postgresFlavour.ts).
 */
export const POSTGRES_COLUMN_TYPES: ColumnTypes = {
  key: sql`varchar(160) collate "C"`,
  code: sql`varchar(64) collate "C"`,
  text: sql`text collate "C"`,
  serial: { type: 'bigserial', autoIncrement: false },
};
