import type { RowParser } from './rowParser.ts';

/**
 * Filter parameters; undefined leaves a filter out, null is a filter value the legacy system has no
 * code for (e.g. a status outside its table), which nothing can match.
 */
export type FilterParams = Readonly<Record<string, string | null | undefined>>;

/** One list endpoint of the legacy system with this call's filter parameters. */
export interface LegacyListRequest<R> {
  readonly path: string;
  readonly params: FilterParams;
  /** Names the call in errors, e.g. 'cases list'. */
  readonly operation: string;
  readonly parse: RowParser<R>;
}

/** The legacy page-size cap: every list endpoint refuses more than 100 rows a page. */
export const LEGACY_MAX_PAGE_SIZE = 100;

/** True when a filter value has no legacy code, so the answer is empty without asking. */
export function matchesNothing(params: FilterParams): boolean {
  return Object.values(params).some((value) => value === null);
}

/** The parameters as sent: without the left-out filters. */
export function queryParams(params: FilterParams): Readonly<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, value ?? undefined]));
}
