import { describe, expect, it } from 'vitest';
import { countDirectives } from '../../../gateway/limits/countDirectives.ts';
import { operationOf } from './measureOperation.ts';

const directives = (source: string) => {
  const { fragments, operation } = operationOf(source);
  return countDirectives(fragments, operation, 100);
};

describe('countDirectives', () => {
  it('counts directives on the operation, fields, inline fragments and spreads', () => {
    expect(directives('query Q @a { x @include(if: true) { y @skip(if: false) } ... on T @b { z } ...F @c } fragment F on T { w @d }'))
      .toEqual({ total: 6, mostOnOneNode: 1 });
  });

  it('reports the most directives on one node (directive overloading: @include 1000 times)', () => {
    expect(directives(`{ id ${'@include(if: true) '.repeat(1000)} }`)).toEqual({ total: 1000, mostOnOneNode: 1000 });
  });

  it('counts a fragment\'s directives once per spread', () => {
    expect(directives('{ a { ...F } b { ...F } } fragment F on T { x @skip(if: false) y @skip(if: false) }').total).toBe(4);
  });
});
