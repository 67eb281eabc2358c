/**
 * One broadcast entity (e.g. an `Enterprise`) merged from every bureau's answer, in ascending
 * city-code order: objects merge key by key, lists concatenate (so `cases` lists each bureau's
 * cases, bureau by bureau), other values keep the first non-null one (bureaus agree on the key
 * fields). Targets are fresh null-prototype objects and `__proto__` keys are skipped (bureau
 * payloads are untrusted); list items are not merged, only placed. `offsets` records where each
 * bureau's part of each list starts, so that its error paths can be moved to the merged index.
 */
import { isRecord } from './isRecord.ts';

export interface BroadcastMerge {
  readonly value: unknown;
  /** By `offsetKey(city, path of object keys to the list)`. */
  readonly offsets: ReadonlyMap<string, number>;
}

export const offsetKey = (city: string, path: ReadonlyArray<string | number>) => `${city}\u0000${path.join('\u0000')}`;

export function mergeBroadcastValues(answers: ReadonlyArray<{ readonly city: string; readonly value: unknown }>): BroadcastMerge {
  const offsets = new Map<string, number>();
  const merge = (target: unknown, source: unknown, city: string, path: string[]): unknown => {
    if (source === null || source === undefined) return target;
    if (target === null || target === undefined) return adopt(source);
    if (Array.isArray(target) && Array.isArray(source)) {
      offsets.set(offsetKey(city, path), target.length);
      return [...target, ...source];
    }
    if (isRecord(target) && isRecord(source)) {
      for (const [key, value] of Object.entries(source)) {
        if (key === '__proto__') continue;
        target[key] = merge(Object.hasOwn(target, key) ? target[key] : undefined, value, city, [...path, key]);
      }
    }
    return target;
  };
  let value: unknown = null;
  for (const answer of answers) value = merge(value, answer.value, answer.city, []);
  return { value, offsets };
}

/** The first bureau's value, copied wherever a later bureau's value will be merged into it. */
function adopt(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) if (key !== '__proto__') copy[key] = adopt(item);
  return copy;
}

/** A bureau's error path inside a broadcast entity, with its first list index moved to the merged list. */
export function remapBroadcastPath(
  rest: ReadonlyArray<string | number>,
  city: string,
  offsets: ReadonlyMap<string, number>,
): Array<string | number> {
  const at = rest.findIndex((segment) => typeof segment === 'number');
  if (at < 0) return [...rest];
  const offset = offsets.get(offsetKey(city, rest.slice(0, at))) ?? 0;
  return [...rest.slice(0, at), (rest[at] as number) + offset, ...rest.slice(at + 1)];
}
