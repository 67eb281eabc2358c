/**
 * The global order of a fan-out connection: the contract's sort key, then (cityCode, id) ascending,
 * which is each bureau's own order (sort, then id) with the city in between (README.md,
 * "How the gateway joins the bureaus"). Sort keys compare the same everywhere: instants, numbers,
 * code units.
 */
import type { SortDirection } from '../../schema/shardingPolicies.ts';
import type { SortKind } from './readConnections.ts';

export interface MergeKey {
  /** null when the bureau gave no usable value: such items sort last in either direction. */
  readonly value: number | string | null;
  readonly city: string;
  readonly id: string;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A sort value as it compares. DateTime strings become epoch ms: "2024-03-15T09:00:00+08:00" and
 * "2024-03-15T01:00:00Z" are the same instant and must tie, which string order would not give.
 */
export function readSortValue(value: unknown, kind: SortKind): number | string | null {
  switch (kind) {
    case 'instant': {
      const parts = typeof value === 'string' ? ISO_WITH_OFFSET.exec(value) : null;
      if (parts === null) return null;
      // Sub-millisecond digits cannot order bureaus' ms clocks; cut only when there are some (read
      // per merged item: the replace on every value was a third of this function's time).
      const fraction = parts[2];
      const ms = Date.parse(fraction !== undefined && fraction.length > 4 ? parts[0].replace(/(\.\d{3})\d+/, '$1') : parts[0]);
      return Number.isNaN(ms) ? null : ms;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    default:
      return kind satisfies never;
  }
}

/** Negative when `a` comes first. Strings compare by UTF-16 code units, never by locale. */
export function compareMergeKeys(a: MergeKey, b: MergeKey, direction: SortDirection): number {
  const byValue = compareValues(a.value, b.value);
  if (byValue !== 0) return a.value === null || b.value === null || direction === 'ASC' ? byValue : -byValue;
  return compareText(a.city, b.city) || compareText(a.id, b.id);
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return compareText(String(a), String(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
