import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from '../sql/migrations/columnTypes.ts';

/**
 * Binary utf8mb4 collations, best first. All compare by code point (= UTF-8 byte order, like SQLite's
 * BINARY and Postgres' "C"); the first two also compare without PAD SPACE, so 'a' and 'a ' differ as
 * they do everywhere else. MariaDB has utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin; utf8mb4_bin
 * (everywhere) pads, which matters only for values with trailing spaces.
 */
const BINARY_COLLATIONS = ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin', 'utf8mb4_bin'] as const;
export type MysqlBinaryCollation = (typeof BINARY_COLLATIONS)[number];

/** The best binary collation this server knows. */
export async function pickBinaryCollation(db: Kysely<any>): Promise<MysqlBinaryCollation> {
  const { rows } = await sql<{ name: string }>`
    select collation_name as name from information_schema.collations
    where collation_name in (${sql.join(BINARY_COLLATIONS)})`.execute(db);
  const known = new Set(rows.map((r) => r.name));
  return BINARY_COLLATIONS.find((c) => known.has(c)) ?? 'utf8mb4_bin';
}

/**
 * Every text column utf8mb4 (all of Unicode) under a binary collation: byte order for ids and text
 * keys, exact equality for filters (a server's default `_ci` collation would let 'completed' match
 * 'COMPLETED'), case-sensitive LIKE (search folds case itself, see mysqlFlavour.ts). Free text is
 * MEDIUMTEXT: MySQL's TEXT holds only 64 KB, the other dialects' any length.
 */
export function mysqlColumnTypes(collation: MysqlBinaryCollation): ColumnTypes {
  const charset = sql.raw(`character set utf8mb4 collate ${collation}`);
  return {
    key: sql`varchar(160) ${charset}`,
    code: sql`varchar(64) ${charset}`,
    text: sql`mediumtext ${charset}`,
    serial: { type: 'bigint', autoIncrement: true },
  };
}
