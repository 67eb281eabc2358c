import type { Expression, SelectQueryBuilder } from 'kysely';
import type { ListResult, SortDirection, SortPosition } from '../../kit/ports.ts';
import { toNumber } from './jsonColumn.ts';

/** A list's order: the sort key in `direction`, then the unique id ascending as the tie-breaker. */
export interface KeysetOrder {
  readonly key: Expression<string | number>;
  readonly direction: SortDirection;
  readonly id: Expression<string>;
}

export interface KeysetRange {
  readonly after: SortPosition | null;
  readonly limit: number;
}

/**
 * One page of any list, by keyset (seek) paging: the list contract of `kit/ports.ts` in one place.
 * `filtered` holds the filters only; `select` adds the columns. Two statements: the count of the
 * filtered set (ignoring `after`) and the page, which starts strictly after `after` in the order
 * (key, id): for DESC `key < v OR (key = v AND id > i)`, for ASC `key > v OR (key = v AND id > i)`.
 * Sort keys must be NOT NULL (NULL would fall out of both comparisons). Works for any dialect and any
 * sort expression (row-value comparison would not: the key and the id may run in opposite directions).
 * `limit <= 0` answers the count alone.
 */
export async function keysetPage<DB, TB extends keyof DB, O, R>(
  filtered: SelectQueryBuilder<DB, TB, {}>,
  select: (qb: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  range: KeysetRange,
  toRecord: (row: O) => R,
): Promise<ListResult<R>> {
  // The cast: Kysely cannot narrow the selection of a query over a generic database type.
  const counted = await filtered.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst() as
    { total: number | string | bigint } | undefined;
  const totalCount = counted === undefined ? 0 : toNumber(counted.total);
  if (range.limit <= 0 || totalCount === 0) return { items: [], totalCount };

  let page = select(filtered);
  const { after } = range;
  if (after !== null) {
    const desc = order.direction === 'DESC';
    page = page.where((eb) => eb.and([
      // Redundant with the OR below, but a plain range lets the planner seek into the sort index
      // instead of scanning it from the start (deep pages stay as cheap as the first).
      eb(order.key, desc ? '<=' : '>=', after.value),
      eb.or([
        eb(order.key, desc ? '<' : '>', after.value),
        eb.and([eb(order.key, '=', after.value), eb(order.id, '>', after.id)]),
      ]),
    ]));
  }
  const rows = await page
    .orderBy(order.key, order.direction === 'DESC' ? 'desc' : 'asc')
    .orderBy(order.id, 'asc')
    .limit(range.limit)
    .execute();
  return { items: rows.map((row) => toRecord(row as O)), totalCount };
}
