import type { ColumnDataType, Expression } from 'kysely';

/**
 * The three kinds of text column of the SQL stores, per dialect. Everything else (integer, bigint,
 * double precision) is spelled the same in every dialect. Text must compare by bytes everywhere
 * (the list contract breaks ties by the ASCII byte order of ids, and sorts text keys like
 * `caseNumber` by code point): SQLite's default BINARY collation does; Postgres and MySQL need an
 * explicit collation on the column, which is why the types are per dialect.
 */
export interface ColumnTypes {
  /** Global ids (base64url, at most 120 characters) and other record keys. */
  readonly key: ColumnDataType | Expression<unknown>;
  /** Short codes: city codes, credit codes, HJ 212 MNs, enum values. */
  readonly code: ColumnDataType | Expression<unknown>;
  /** Names, free text and JSON documents. */
  readonly text: ColumnDataType | Expression<unknown>;
  /**
   * An integer primary key the store assigns on insert, ascending in insert order (an append-only
   * table's order of writing). Each dialect spells it its own way: SQLite `integer primary key
   * autoincrement` (never reused, and kept by VACUUM unlike a bare rowid), Postgres `bigserial`,
   * MySQL `bigint auto_increment`.
   */
  readonly serial: { readonly type: ColumnDataType | Expression<unknown>; readonly autoIncrement: boolean };
}

/** The embedded store's key type (PORTABLE_COLUMN_TYPES.key), for migrations that are not per dialect. */
export const KEY = 'varchar(160)';
/** The embedded store's code type (PORTABLE_COLUMN_TYPES.code), for migrations that are not per dialect. */
export const CODE = 'varchar(64)';

/**
 * The embedded store's types, and the DDL the first release wrote (so they must not change).
 * Bounded VARCHAR rather than TEXT for indexed columns because MySQL cannot index TEXT without a
 * prefix length; SQLite ignores the bound, Postgres enforces it.
 */
export const PORTABLE_COLUMN_TYPES: ColumnTypes = {
  key: KEY,
  code: CODE,
  text: 'text',
  serial: { type: 'integer', autoIncrement: true },
};

