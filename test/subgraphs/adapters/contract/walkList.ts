/** Test helper: reads a whole list page by page through the list contract, as the kit would. */
import type { ListQuery, ListResult, SortSpec } from '../../../../subgraphs/kit/ports.ts';

export async function walkList<T extends { readonly id: string }, F>(
  list: (query: ListQuery<F>) => Promise<ListResult<T>>,
  filter: F,
  sort: SortSpec,
  limit = 3,
): Promise<{ items: T[]; pages: number; totalCounts: number[] }> {
  const items: T[] = [];
  const totalCounts: number[] = [];
  let after: ListQuery<F>['after'] = null;
  for (let pages = 1; pages < 1000; pages += 1) {
    const page = await list({ filter, sort, after, limit });
    totalCounts.push(page.totalCount);
    items.push(...page.items);
    const last = page.items.at(-1);
    if (page.items.length < limit || last === undefined) return { items, pages, totalCounts };
    after = { value: (last as unknown as Record<string, string | number>)[sort.field] as string | number, id: last.id };
  }
  throw new Error('list did not end');
}

/** The contract's order, computed independently: sort key in direction, then id by byte order. */
export function expectedOrder<T extends { readonly id: string }>(records: readonly T[], sort: SortSpec): string[] {
  const key = (r: T) => (r as unknown as Record<string, string | number>)[sort.field] as string | number;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...records]
    .sort((a, b) => (sort.direction === 'DESC' ? -cmp(key(a), key(b)) : cmp(key(a), key(b))) || cmp(a.id, b.id))
    .map((r) => r.id);
}
