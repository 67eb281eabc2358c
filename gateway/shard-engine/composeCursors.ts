/**
 * The composite cursor after each merged item (compositeCursor.ts): the walk's incoming state, then
 * item by item the bureau's own cursor of the item just taken; a bureau leaves `positions` for
 * `exhausted` once its last item is taken and it said no more follow. Bureaus that were not asked or
 * did not answer keep their incoming position, so a later page retries them where they were.
 */
import { encodeCompositeCursor } from './compositeCursor.ts';
import type { MergedItem } from './mergeSortedPages.ts';
import type { ConnectionPage } from './planConnectionPage.ts';
import type { CityPage } from './readCityPage.ts';

export interface ComposedCursors {
  /** Per merged item; null where the client did not ask for edge cursors (they are not encoded then). */
  readonly cursors: ReadonlyArray<string | null>;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export function composeCursors(
  list: string,
  page: ConnectionPage,
  pages: readonly CityPage[],
  merged: readonly MergedItem[],
  everyEdge: boolean,
): ComposedCursors {
  const positions = new Map(page.positions);
  const exhausted = new Map(page.exhausted);
  const taken = pages.map(() => 0);
  const finish = (p: CityPage) => {
    positions.delete(p.city);
    exhausted.set(p.city, p.totalCount);
  };
  for (const p of pages) if (p.items.length === 0 && !p.hasNextPage) finish(p);
  const encode = () => encodeCompositeCursor({ list, sort: page.sort.text, positions: sorted(positions), exhausted: sorted(exhausted) });
  const cursors = merged.map(({ page: index, item }, m) => {
    const p = pages[index] as CityPage;
    positions.set(p.city, p.items[item]?.cursor ?? null);
    taken[index] = (taken[index] ?? 0) + 1;
    if (taken[index] === p.items.length && !p.hasNextPage) finish(p);
    return everyEdge || m === merged.length - 1 ? encode() : null;
  });
  return {
    cursors,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: pages.some((p, index) => (taken[index] ?? 0) < p.items.length || p.hasNextPage),
  };
}

function sorted<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
