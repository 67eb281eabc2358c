/**
 * Relay connections over a bureau's port: argument checks, the keyset query, and the page shape.
 * Implements the Relay Cursor Connections spec (forward paging with `first`/`after`).
 */
import { ERRORS } from '../../schema/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/paging.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ListQuery, ListResult, SortSpec } from './ports.ts';


export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface Connection<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

/** Turns `first`/`after` into a keyset query; throws a GraphQL error with a stable code on bad input. */
export function pageQuery<F>(args: PageArgs, sort: SortSpec, filter: F): ListQuery<F> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw ERRORS.PAGE_SIZE_OUT_OF_RANGE.err(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, {
      extensions: { argument: 'first', max: MAX_PAGE_SIZE },
    });
  }
  let after = null;
  if (args.after != null) {
    const decoded = decodeCursor(args.after, sort);
    if (!decoded.ok) {
      throw ERRORS.INVALID_CURSOR.err(`after is not a valid cursor: ${decoded.reason}.`, { extensions: { argument: 'after' } });
    }
    after = decoded.position;
  }
  // One extra row tells whether another page follows without a second query.
  return { filter, sort, after, limit: first + 1 };
}

/** `idOf` gives the tie-breaking key the adapter sorted by (the global id, or a registry key). */
export function toConnection<T>(
  result: ListResult<T>,
  query: ListQuery<unknown>,
  idOf: (record: T) => string = (record) => (record as { id: string }).id,
): Connection<T> {
  const first = query.limit - 1;
  const items = result.items.slice(0, first);
  const edges = items.map((node) => ({ node, cursor: encodeCursor(query.sort, positionOf(node, idOf(node), query.sort)) }));
  return {
    edges,
    pageInfo: { hasNextPage: result.items.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: result.totalCount,
  };
}

function positionOf(record: unknown, id: string, sort: SortSpec) {
  const value = (record as Record<string, unknown>)[sort.field];
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`Sort field ${sort.field} is not a string or number on record ${id}.`);
  }
  return { value, id };
}
