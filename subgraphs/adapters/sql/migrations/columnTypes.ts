/**
 * Types of the indexed text columns. Bounded VARCHAR rather than TEXT because MySQL cannot index
 * TEXT without a prefix length; SQLite ignores the bound, Postgres enforces it.
 */

/** Global ids (base64url, at most 120 characters) and other record keys. */
export const KEY = 'varchar(160)';
/** Short codes: city codes, credit codes, HJ 212 MNs, enum values. */
export const CODE = 'varchar(64)';
