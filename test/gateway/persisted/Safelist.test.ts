import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS } from '../../../gateway/limits/OperationLimits.ts';
import { checkSafelist } from '../../../gateway/persisted/checkSafelist.ts';
import { Safelist, safelistManifestSchema, sha256Hex } from '../../../gateway/persisted/Safelist.ts';
import { SafelistCache } from '../../../gateway/persisted/SafelistCache.ts';

const BODY = 'query Stations { stations { id } }';
const fail = (message: string) => new Error(message);
const operation = (name: string, body: string, id = sha256Hex(body)) => ({ id, name, type: 'query' as const, body });

describe('Safelist', () => {
  it('finds an operation by the SHA-256 of its body', () => {
    const safelist = new Safelist([operation('Stations', BODY)], fail);
    expect(safelist.get(sha256Hex(BODY))?.name).toBe('Stations');
    expect(safelist.get(sha256Hex('{ other }'))).toBeUndefined();
  });

  it('refuses an id that is not the hash of the body, naming the operation', () => {
    expect(() => new Safelist([operation('Tampered', BODY, sha256Hex('x'))], fail))
      .toThrow(`operation "Tampered": id ${sha256Hex('x')} is not the SHA-256 of its body (that is ${sha256Hex(BODY)}).`);
  });

  it('refuses a body that does not parse, naming the operation', () => {
    expect(() => new Safelist([operation('Broken', '{ stations {')], fail)).toThrow(/^operation "Broken": its body does not parse: Syntax Error/);
  });

  it('reads Apollo\'s manifest format and nothing else', () => {
    expect(safelistManifestSchema.safeParse({ format: 'apollo-persisted-query-manifest', version: 1, operations: [operation('Stations', BODY)] }).success).toBe(true);
    expect(safelistManifestSchema.safeParse({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }).success).toBe(false);
    expect(safelistManifestSchema.safeParse({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ ...operation('S', BODY), extra: 1 }] }).success).toBe(false);
  });

  it('serves its bodies as the APQ store and registers nothing', async () => {
    const cache = new SafelistCache(new Safelist([operation('Stations', BODY)], fail));
    expect(await cache.get(`apq:${sha256Hex(BODY)}`)).toBe(BODY);
    await cache.set();
    expect(await cache.get(`apq:${sha256Hex('{ x }')}`)).toBeUndefined();
  });
});

describe('checkSafelist', () => {
  const schema = buildSchema('type Query { stations: [Station!]! } type Station { id: ID! }');

  it('accepts operations that validate and fit the limits', () => {
    expect(() => checkSafelist(new Safelist([operation('Stations', BODY)], fail), schema, DEFAULT_OPERATION_LIMITS)).not.toThrow();
  });

  it('names the operation that does not validate against the schema', () => {
    const safelist = new Safelist([operation('Stations', BODY), operation('Stale', 'query Stale { stations { gone } }')], fail);
    expect(() => checkSafelist(safelist, schema, DEFAULT_OPERATION_LIMITS)).toThrow(/operation "Stale" .* does not validate against the public schema: Cannot query field "gone"/);
  });

  it('names the operation that exceeds a limit', () => {
    const safelist = new Safelist([operation('Wide', `query Wide { ${Array.from({ length: 11 }, (_, i) => `s${i}: stations { id }`).join(' ')} }`)], fail);
    expect(() => checkSafelist(safelist, schema, DEFAULT_OPERATION_LIMITS)).toThrow(/operation "Wide" .* exceeds the operation limits \(TOO_MANY_ROOT_FIELDS\)/);
  });
});
