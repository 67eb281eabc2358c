import { describe, expect, it } from 'vitest';
import { countFields } from '../../../gateway/limits/countFields.ts';
import { operationOf } from './measureOperation.ts';

const fields = (source: string) => {
  const { fragments, operation } = operationOf(source);
  return countFields(fragments, operation, 100);
};

describe('countFields', () => {
  it('counts every field selection, nested ones included', () => {
    expect(fields('{ stations { totalCount edges { node { id name } } } }')).toBe(6);
  });

  it('counts each copy of a duplicated field (field duplication)', () => {
    expect(fields(`{ stations { edges { node { ${'id '.repeat(10_000)} } } } }`)).toBe(10_003);
  });

  it('counts a fragment bomb\'s expansion without expanding it', () => {
    // 2^40 fields: expanding them would never finish, so the test's own timeout is the hang guard.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on T { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(fields(`{ ...F0 } ${fragments} fragment F40 on T { id }`)).toBe(2 ** 40);
  });
});
