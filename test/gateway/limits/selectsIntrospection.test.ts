import { describe, expect, it } from 'vitest';
import { selectsIntrospection } from '../../../gateway/limits/selectsIntrospection.ts';
import { operationOf } from './measureOperation.ts';

const introspects = (source: string) => {
  const { fragments, operation } = operationOf(source);
  return selectsIntrospection(fragments, operation);
};

describe('selectsIntrospection', () => {
  it('finds __schema and __type, also in fragments spread at the root or aliased', () => {
    expect(introspects('{ __schema { queryType { name } } }')).toBe(true);
    expect(introspects('{ t: __type(name: "Station") { name } }')).toBe(true);
    expect(introspects('{ ...S } fragment S on Query { __schema { types { name } } }')).toBe(true);
  });

  it('lets __typename through, at the root and anywhere else', () => {
    expect(introspects('{ __typename stations { __typename edges { node { __typename id } } } }')).toBe(false);
  });
});
