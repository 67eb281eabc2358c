/** How one list endpoint of the legacy system filters and sorts its table. */
export interface ListSpec<Row> {
  /** Query parameters it filters by: name → a predicate built from the parameter's text. */
  readonly filters: Readonly<Record<string, (value: string) => (row: Row) => boolean>>;
  /** Columns `sortName` may name, and the value each one sorts by. */
  readonly sortable: Readonly<Record<string, (row: Row) => string | number>>;
  readonly defaultSort: { readonly name: string; readonly order: 'asc' | 'desc' };
  /** The primary key: ties in the sort column fall back to it, ascending, as in its SQL. */
  readonly idOf: (row: Row) => string;
}

/** A bad parameter: the system answers `{ code: 400, msg }` (HTTP 200, as it always did). */
export class LegacyParamError extends Error {
  override readonly name = 'LegacyParamError';
}
