import { sql, type Expression, type SqlBool } from 'kysely';

/** The LIKE escape character, bound as a parameter so no dialect's string-literal rules apply. */
export const LIKE_ESCAPE = '\\';

/** `%text%` with LIKE's own wildcards (and the escape character) taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}

/**
 * `search`: any of `columns` contains `text` (substring; works for Chinese, since LIKE's `%` matches
 * whole characters). Kysely has no builder for LIKE … ESCAPE, hence the template.
 */
export function matchesAny(columns: readonly string[], text: string): Expression<SqlBool> {
  const pattern = containsPattern(text);
  const terms = columns.map((column) => sql<SqlBool>`${sql.ref(column)} like ${pattern} escape ${LIKE_ESCAPE}`);
  return sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}
