/**
 * k-way merge of the bureaus' sorted pages, cut at `first`. A linear scan of the heads per item:
 * with at most a handful of bureaus and `first` ≤ 100, that beats a heap's bookkeeping.
 */
import type { SortDirection } from '../../schema/shardingPolicies.ts';
import { compareMergeKeys } from './compareMergeKeys.ts';
import type { CityPage } from './readCityPage.ts';

/** One merged item: index of its page, and its index in that page. */
export interface MergedItem {
  readonly page: number;
  readonly item: number;
}

export function mergeSortedPages(pages: readonly CityPage[], first: number, direction: SortDirection): MergedItem[] {
  const heads = pages.map(() => 0);
  const merged: MergedItem[] = [];
  while (merged.length < first) {
    let best = -1;
    let bestKey;
    for (let p = 0; p < pages.length; p += 1) {
      const candidate = pages[p]?.items[heads[p] ?? 0]?.key;
      if (candidate && (bestKey === undefined || compareMergeKeys(candidate, bestKey, direction) < 0)) {
        best = p;
        bestKey = candidate;
      }
    }
    if (best < 0) break;
    merged.push({ page: best, item: heads[best] ?? 0 });
    heads[best] = (heads[best] ?? 0) + 1;
  }
  return merged;
}
