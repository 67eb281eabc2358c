/**
 * One page of a list that a bureau keeps in two places (its own system, and the cooperation store for
 * records made by cooperation, e.g. joint patrols): both answered the same ListQuery in the list's order,
 * so the page is the first `limit` of their merge in that order (ties by id, as listOrder.ts sorts), and
 * the count is the sum. Cursors stay valid: a position (sort value, id) means the same in either part.
 */
import { comparePositions, positionOf } from './listOrder.ts';
import type { ListQuery, ListResult } from './ports.ts';

export function mergeListResults<T extends { readonly id: string }>(a: ListResult<T>, b: ListResult<T>, query: ListQuery<unknown>): ListResult<T> {
  const { field, direction } = query.sort;
  const items: T[] = [];
  let i = 0;
  let j = 0;
  while (items.length < query.limit && (i < a.items.length || j < b.items.length)) {
    const left = a.items[i];
    const right = b.items[j];
    if (right === undefined || (left !== undefined && comparePositions(positionOf(left, field), positionOf(right, field), direction) <= 0)) {
      items.push(left as T);
      i++;
    } else {
      items.push(right);
      j++;
    }
  }
  return { items, totalCount: a.totalCount + b.totalCount };
}
