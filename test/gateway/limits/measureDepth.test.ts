import { describe, expect, it } from 'vitest';
import { measureDepth } from '../../../gateway/limits/measureDepth.ts';
import { nested, operationOf } from './measureOperation.ts';

const depth = (source: string, cap = 100) => {
  const { fragments, operation } = operationOf(source);
  return measureDepth(fragments, operation, cap);
};

describe('measureDepth', () => {
  it('counts fields on the longest path from the root', () => {
    expect(depth('{ id }')).toBe(1);
    expect(depth('{ stations { totalCount edges { node { id } } } }')).toBe(4);
    expect(depth(`{ ${nested(11)} }`)).toBe(12);
  });

  it('expands fragments and inline fragments where they are spread', () => {
    expect(depth('{ stations { ...E } } fragment E on StationConnection { edges { node { ...N } } } fragment N on Station { id ... on Station { sharedWith { code } } }')).toBe(5);
  });

  it('stops at the cap on a document nested thousands of levels deep', () => {
    expect(depth(`{ ${nested(1500)} }`, 13)).toBe(13);
  });

  it('ends on circular fragments, which validation refuses only afterwards', () => {
    expect(depth('{ a { ...A } } fragment A on T { b { ...B } } fragment B on T { c { ...A } }')).toBeLessThanOrEqual(100);
    expect(depth('{ ...A } fragment A on Query { ...A }')).toBe(0);
  });

  it('measures a fragment spread a million times over in linear time (fragment bomb)', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on T { x { ...F${i + 1} } y { ...F${i + 1} } }`).join(' ');
    // 2^40 paths: expanding them would never finish, so the test's own timeout is the hang guard.
    expect(depth(`{ ...F0 } ${fragments} fragment F40 on T { id }`, 1000)).toBe(41);
  });
});
