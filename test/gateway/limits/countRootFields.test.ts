import { describe, expect, it } from 'vitest';
import { countRootFields } from '../../../gateway/limits/countRootFields.ts';
import { operationOf } from './measureOperation.ts';

const roots = (source: string) => {
  const { fragments, operation } = operationOf(source);
  return countRootFields(fragments, operation);
};

describe('countRootFields', () => {
  it('counts only the root selection, whatever is nested below it', () => {
    expect(roots('{ stations { edges { node { id name } } } projects { totalCount } }')).toBe(2);
  });

  it('counts the root fields of fragments spread at the root, and aliases of one field separately', () => {
    expect(roots('{ a: stations { totalCount } b: stations { totalCount } ...Q ... on Query { cities { code } } } fragment Q on Query { rivers { id } node(id: "x") { id } }')).toBe(5);
  });
});
