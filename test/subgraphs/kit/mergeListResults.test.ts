import { describe, expect, it } from 'vitest';
import { pageInMemory } from '../../../subgraphs/kit/listOrder.ts';
import { mergeListResults } from '../../../subgraphs/kit/mergeListResults.ts';
import type { ListQuery } from '../../../subgraphs/kit/ports.ts';

const record = (id: string, startedAt: number) => ({ id, startedAt });
const own = [record('a', 50), record('b', 30), record('c', 10), record('d', 30)];
const made = [record('x', 40), record('y', 30), record('z', 5)];
const query = (limit: number, after: ListQuery<unknown>['after'] = null): ListQuery<unknown> =>
  ({ filter: {}, sort: { field: 'startedAt', direction: 'DESC' }, after, limit });
const page = (q: ListQuery<unknown>) => mergeListResults(pageInMemory(own, q), pageInMemory(made, q), q);

describe('mergeListResults', () => {
  it('gives the first page of both parts in the list order (ties by id) and the sum of their counts', () => {
    const first = page(query(4));
    expect(first.items.map((r) => r.id)).toEqual(['a', 'x', 'b', 'd']);
    expect(first.totalCount).toBe(7);
  });

  it('pages on from a position of either part without skipping or repeating an item', () => {
    const seen: string[] = [];
    let after: ListQuery<unknown>['after'] = null;
    for (;;) {
      const result = page(query(3, after));
      const items = result.items.slice(0, 2); // the kit asks one more than it shows
      seen.push(...items.map((r) => r.id));
      if (result.items.length <= 2) break;
      const last = items.at(-1)!;
      after = { value: last.startedAt, id: last.id };
    }
    expect(seen).toEqual(['a', 'x', 'b', 'd', 'y', 'c', 'z']);
  });

  it('answers one part alone when the other is empty', () => {
    const q = query(10);
    expect(mergeListResults(pageInMemory([], q), pageInMemory(made, q), q)).toEqual({ items: made, totalCount: 3 });
  });
});
