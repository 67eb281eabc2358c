import { describe, expect, it } from 'vitest';
import { compareMergeKeys, readSortValue, type MergeKey } from '../../../gateway/shard-engine/compareMergeKeys.ts';
import type { SortKind } from '../../../gateway/shard-engine/readConnections.ts';

const key = (value: MergeKey['value'], city = '500000', id = 'a'): MergeKey => ({ value, city, id });

describe('sort values as they compare', () => {
  it.each<[SortKind, unknown, number | string | null]>([
    ['instant', '2024-01-01T10:00:00+08:00', Date.UTC(2024, 0, 1, 2)],
    ['instant', '2024-01-01T02:00:00Z', Date.UTC(2024, 0, 1, 2)],
    ['instant', '2024-01-01T02:00:00.123456Z', Date.UTC(2024, 0, 1, 2) + 123],
    ['instant', '2024-01-01T10:00:00.5+08:00', Date.UTC(2024, 0, 1, 2) + 500],
    ['instant', '2024-01-01T10:00+08:00', Date.UTC(2024, 0, 1, 2)],
    ['instant', '2024-01-01T10:00:00', null], // no offset: ambiguous between bureaus
    ['instant', 1704074400000, null],
    ['number', 10.25, 10.25],
    ['number', '10.25', null],
    ['string', '杭州', '杭州'],
    ['string', null, null],
  ])('reads a %s from %j as %j', (kind, value, expected) => {
    expect(readSortValue(value, kind)).toBe(expected);
  });
});

describe('the global merge order', () => {
  it.each<[string, MergeKey, MergeKey, 'ASC' | 'DESC', number]>([
    ['numbers by value, not by text', key(9.5), key(10.25), 'ASC', -1],
    ['strings by code units, not by locale', key('Z'), key('a'), 'ASC', -1],
    ['the larger first when descending', key(2), key(1), 'DESC', -1],
    ['ties by city code', key(1, '500000', 'z'), key(1, '510900', 'a'), 'DESC', -1],
    ['then by id', key(1, '500000', 'A'), key(1, '500000', 'a'), 'ASC', -1],
    ['missing values last ascending', key(null), key(5), 'ASC', 1],
    ['missing values last descending', key(null), key(5), 'DESC', 1],
  ])('puts %s', (_name, a, b, direction, sign) => {
    expect(Math.sign(compareMergeKeys(a, b, direction))).toBe(sign);
    expect(Math.sign(compareMergeKeys(b, a, direction))).toBe(-sign);
  });
});
