import { describe, expect, it } from 'vitest';
import { countAliases } from '../../../gateway/limits/countAliases.ts';
import { operationOf } from './measureOperation.ts';

const aliases = (source: string) => {
  const { fragments, operation } = operationOf(source);
  return countAliases(fragments, operation, 100);
};

describe('countAliases', () => {
  it('counts aliased fields at every level', () => {
    expect(aliases('{ a: stations { totalCount } b: stations { n: totalCount } c: id }')).toBe(4);
    expect(aliases('{ stations { totalCount } }')).toBe(0);
  });

  it('counts an alias inside a fragment once per spread (alias overloading through fragments)', () => {
    expect(aliases('{ x { ...F } y { ...F } z { ...F } } fragment F on T { a1: id a2: id }')).toBe(6);
  });

  it('counts 1000 aliases', () => {
    expect(aliases(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: id`).join(' ')} }`)).toBe(1000);
  });
});
