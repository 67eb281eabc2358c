import { sql, type Expression, type SqlBool } from 'kysely';
import { containsPattern, LIKE_ESCAPE } from './matchesAny.ts';

/** Lower-cases A–Z only, as SQLite's LIKE and lower() do (no Unicode case mapping). */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * `matchesAny` for stores whose LIKE is case-sensitive (Postgres; MySQL under a binary collation):
 * `fold(column) LIKE asciiLowerCase(pattern)`, where `fold` must lower-case exactly A–Z. That gives
 * SQLite's rule (ASCII letters match either case, everything else only itself) without relying on
 * the dialect's notion of case, which differs (MySQL's LOWER maps `Ä` and `Ａ`, SQLite's does not).
 */
export function asciiFoldedMatchesAny(
  fold: (column: string) => Expression<string>,
): (columns: readonly string[], text: string) => Expression<SqlBool> {
  return (columns, text) => {
    const pattern = containsPattern(asciiLowerCase(text));
    const terms = columns.map((column) => sql<SqlBool>`${fold(column)} like ${pattern} escape ${LIKE_ESCAPE}`);
    return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
  };
}
