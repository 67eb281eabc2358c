/**
 * One bureau's page of a fan-out connection, read from the hidden `__shard_` selections: each item's
 * own cursor and merge key, whether more follow, and the bureau's count. At most `first` items are
 * read (a bureau sending more is cut, and counts as having more). An item without a cursor or id
 * ends the page there: what follows it cannot be resumed safely. Items are taken in the bureau's
 * own order even if it disagrees with ours (a SQL collation, say): every item still comes exactly
 * once, because each bureau resumes after the last item taken from it.
 */
import { readSortValue, type MergeKey } from './compareMergeKeys.ts';
import { getOwn } from './getOwn.ts';
import { isRecord } from './isRecord.ts';
import { HIDDEN, type SortKey } from './readConnections.ts';

export interface CityPageItem {
  readonly cursor: string;
  readonly key: MergeKey;
}

export interface CityPage {
  readonly city: string;
  /** The bureau's connection object, where the client's own selections are read. */
  readonly value: Record<string, unknown>;
  readonly items: readonly CityPageItem[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export function readCityPage(city: string, value: unknown, first: number, sort: SortKey): CityPage | null {
  if (!isRecord(value)) return null;
  const edges = getOwn(value, HIDDEN.edges);
  const list = Array.isArray(edges) ? edges : [];
  const items: CityPageItem[] = [];
  let cut = list.length > first;
  for (const edge of list.slice(0, first)) {
    const cursor = getOwn(edge, HIDDEN.cursor);
    const node = getOwn(edge, HIDDEN.node);
    const id = getOwn(node, HIDDEN.id);
    const key = typeof id === 'string' ? { value: readSortValue(getOwn(node, sort.alias), sort.kind), city, id } : null;
    if (typeof cursor !== 'string' || key === null) {
      cut = true;
      break;
    }
    items.push({ cursor, key });
  }
  const total = getOwn(value, HIDDEN.totalCount);
  return {
    city,
    value,
    items,
    hasNextPage: cut || getOwn(getOwn(value, HIDDEN.pageInfo), 'hasNextPage') === true,
    totalCount: typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : items.length,
  };
}
