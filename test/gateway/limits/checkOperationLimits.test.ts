import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperationLimits } from '../../../gateway/limits/checkOperationLimits.ts';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../../../gateway/limits/OperationLimits.ts';
import { nested } from './measureOperation.ts';

const check = (source: string, limits: Partial<OperationLimits> = {}) => {
  const refusal = checkOperationLimits(parse(source), { ...DEFAULT_OPERATION_LIMITS, ...limits });
  return refusal && { message: refusal.message, extensions: refusal.extensions };
};

describe('checkOperationLimits', () => {
  it('lets an ordinary operation through', () => {
    expect(check('query Q($c: [ID!]) { stations(cityCodes: $c, first: 50) { totalCount edges { node { id name sharedWith { code } } } } }')).toBeNull();
  });

  it('refuses a deep operation with QUERY_TOO_DEEP, naming the limit and the depth', () => {
    expect(check(`query Deep { ${nested(16)} }`)).toEqual({
      message: 'Operation "Deep" nests at least 16 fields deep; the limit is 15.',
      extensions: { code: 'QUERY_TOO_DEEP', max: 15, measured: 16 },
    });
    expect(check(`{ ${nested(16)} }`, { maxDepth: 20 })).toBeNull();
    expect(check(`{ ${nested(5)} }`, { maxDepth: 4 })).toMatchObject({ extensions: { code: 'QUERY_TOO_DEEP', measured: 5 } });
  });

  it('refuses alias overloading with TOO_MANY_ALIASES', () => {
    expect(check(`{ stations { ${Array.from({ length: 31 }, (_, i) => `a${i}: totalCount`).join(' ')} } }`)).toEqual({
      message: 'The operation has 31 aliased fields (fragments expanded); the limit is 30.',
      extensions: { code: 'TOO_MANY_ALIASES', max: 30, measured: 31 },
    });
  });

  it('refuses more root fields than the limit with TOO_MANY_ROOT_FIELDS', () => {
    expect(check(`{ ${Array.from({ length: 11 }, (_, i) => `r${i}: cities { code }`).join(' ')} }`, { maxAliases: 100 })).toEqual({
      message: 'The operation selects 11 root fields; the limit is 10.',
      extensions: { code: 'TOO_MANY_ROOT_FIELDS', max: 10, measured: 11 },
    });
  });

  it('refuses directive overloading with TOO_MANY_DIRECTIVES, on one field and in all', () => {
    expect(check(`{ id ${'@include(if: true) '.repeat(1000)} }`)).toEqual({
      message: 'The operation puts 1000 directives on one field or fragment; the limit is 4.',
      extensions: { code: 'TOO_MANY_DIRECTIVES', max: 4, measured: 1000 },
    });
    expect(check(`{ ${Array.from({ length: 51 }, (_, i) => `f${i} @skip(if: false)`).join(' ')} }`, { maxRootFields: 100 })).toEqual({
      message: 'The operation has 51 directives (fragments expanded); the limit is 50.',
      extensions: { code: 'TOO_MANY_DIRECTIVES', max: 50, measured: 51 },
    });
  });

  it('refuses field duplication with TOO_MANY_FIELDS', () => {
    expect(check(`{ stations { edges { node { ${'id '.repeat(10_000)} } } } }`)).toEqual({
      message: 'The operation selects 10003 fields (fragments expanded); the limit is 1000.',
      extensions: { code: 'TOO_MANY_FIELDS', max: 1000, measured: 10_003 },
    });
  });

  it('refuses a document above the byte limit with QUERY_TOO_LARGE (comments are not tokens)', () => {
    expect(check(`# ${'x'.repeat(70_000)}\n{ id }`)).toEqual({
      message: 'The document is 70009 bytes; the limit is 65536.',
      extensions: { code: 'QUERY_TOO_LARGE', max: 65_536, measured: 70_009 },
    });
  });

  it('checks every operation of the document, in a fixed order of limits', () => {
    expect(check(`query Fine { id } query Bad { ${nested(16)} }`)?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
    // Too deep and too many aliases at once: depth is checked first.
    expect(check(`{ ${nested(16, Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' '))} }`)?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
  });

  it('lets the standard introspection query through (what GraphiQL sends: depth 15, 227 fields)', () => {
    expect(check(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }))).toBeNull();
  });

  it('refuses nested introspection lists within the depth limit with QUERY_TOO_COMPLEX (introspection abuse)', () => {
    expect(check('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')).toEqual({
      message: 'The operation names the introspection list "fields" 3 times; at most 1 (as the standard introspection query does): ' +
        'nested introspection lists multiply the response by the size of the schema.',
      extensions: { code: 'QUERY_TOO_COMPLEX', max: 1, measured: 3 },
    });
    // A field of the contract that happens to be called `fields` is not introspection.
    expect(check('{ a { fields { b { fields { id } } } } }')).toBeNull();
  });
});
