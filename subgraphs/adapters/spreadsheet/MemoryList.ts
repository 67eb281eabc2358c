import type { ListQuery, ListResult, SortSpec } from '../../kit/ports.ts';
import { firstAfter, sortRecords } from '../../kit/listOrder.ts';

/**
 * One list held in memory, with the list contract of kit/ports.ts: a sorted index per sort field and
 * direction (built on first use, then kept: the data only changes by replacing the whole snapshot),
 * keyset start by binary search, and an id map for batch lookups.
 */
export class MemoryList<R extends { readonly id: string }> {
  readonly byId: ReadonlyMap<string, R>;
  private readonly indexes = new Map<string, readonly R[]>();

  constructor(readonly records: readonly R[], private readonly sortable: readonly string[], private readonly name: string) {
    this.byId = new Map(records.map((r) => [r.id, r]));
  }

  /** `matches` is the filter; without one, the page is a slice of the index and the count its length. */
  list(query: ListQuery<unknown>, matches?: (record: R) => boolean): ListResult<R> {
    const sorted = this.sorted(query.sort);
    const start = query.after === null ? 0 : firstAfter(sorted, query.sort, query.after);
    const limit = Math.max(0, query.limit);
    if (matches === undefined) return { items: sorted.slice(start, start + limit), totalCount: sorted.length };
    const items: R[] = [];
    let totalCount = 0;
    sorted.forEach((record, index) => {
      if (!matches(record)) return;
      totalCount += 1;
      if (index >= start && items.length < limit) items.push(record);
    });
    return { items, totalCount };
  }

  byIds(ids: readonly string[]): Array<R | null> {
    return ids.map((id) => this.byId.get(id) ?? null);
  }

  private sorted(sort: SortSpec): readonly R[] {
    if (!this.sortable.includes(sort.field)) {
      throw new TypeError(`${this.name} cannot be sorted by ${JSON.stringify(sort.field)}; known: ${this.sortable.join(', ')}`);
    }
    const key = `${sort.field} ${sort.direction}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = sortRecords(this.records, sort);
      this.indexes.set(key, index);
    }
    return index;
  }
}
