/**
 * The list contract of ports.ts over records computed in memory (alarms): order by the sort field,
 * then id ascending in code-unit order (the gateway's tie-breaker), start strictly after `after`,
 * at most `limit` items, and the count of the whole set.
 */
import type { ListQuery, ListResult, SortPosition } from './ports.ts';

export function pageInMemory<T extends { readonly id: string }>(records: readonly T[], query: ListQuery<unknown>): ListResult<T> {
  const valueOf = (r: T): string | number => (r as unknown as Record<string, string | number>)[query.sort.field] as string | number;
  const place = (r: T, p: SortPosition): number => {
    const v = valueOf(r);
    const byValue = v < p.value ? -1 : v > p.value ? 1 : 0;
    return (query.sort.direction === 'DESC' ? -byValue : byValue) || (r.id < p.id ? -1 : r.id > p.id ? 1 : 0);
  };
  const sorted = [...records].sort((a, b) => place(a, { value: valueOf(b), id: b.id }));
  const { after } = query;
  const start = after === null ? 0 : sorted.findIndex((r) => place(r, after) > 0);
  return { items: start < 0 ? [] : sorted.slice(start, start + Math.max(0, query.limit)), totalCount: sorted.length };
}
