/** The operation-limit settings: defaults, overrides, and messages that name the wrong key. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GatewayConfigError, loadOperationLimits, loadPublicIntrospection, loadRedisUrl, loadSafelist,
} from '../../../gateway/config/loadGatewayConfig.ts';
import { DEFAULT_OPERATION_LIMITS } from '../../../gateway/limits/OperationLimits.ts';
import { sha256Hex } from '../../../gateway/persisted/Safelist.ts';

describe('loadOperationLimits', () => {
  it('defaults every limit', () => {
    expect(loadOperationLimits({})).toEqual({
      maxDepth: 15, maxAliases: 30, maxRootFields: 10, maxDirectives: 50, maxDirectivesPerField: 4, maxFields: 1000,
      maxTokens: 15_000, maxDocumentBytes: 65_536, maxCost: 200_000, listSize: 10,
    });
    expect(loadOperationLimits({})).toEqual(DEFAULT_OPERATION_LIMITS);
  });

  it('takes each ECOGRAPH_MAX_* and ECOGRAPH_COST_LIST_SIZE', () => {
    expect(loadOperationLimits({ ECOGRAPH_MAX_DEPTH: '8', ECOGRAPH_MAX_COST: '5000', ECOGRAPH_COST_LIST_SIZE: '25' }))
      .toMatchObject({ maxDepth: 8, maxCost: 5000, listSize: 25, maxAliases: 30 });
  });

  it.each([['ECOGRAPH_MAX_ALIASES', '0'], ['ECOGRAPH_MAX_TOKENS', 'many'], ['ECOGRAPH_MAX_COST', '1.5']])('refuses %s=%s, naming it', (key, value) => {
    expect(() => loadOperationLimits({ [key]: value })).toThrow(new GatewayConfigError(`${key} must be an integer from 1 to 1000000000, got "${value}".`));
  });
});

describe('loadPublicIntrospection', () => {
  it('is on in development mode and off in production unless set', () => {
    expect(loadPublicIntrospection({}, 'development')).toBe(true);
    expect(loadPublicIntrospection({}, 'production')).toBe(false);
    expect(loadPublicIntrospection({ ECOGRAPH_INTROSPECTION_PUBLIC: 'true' }, 'production')).toBe(true);
    expect(loadPublicIntrospection({ ECOGRAPH_INTROSPECTION_PUBLIC: 'false' }, 'development')).toBe(false);
  });

  it('refuses anything but true or false, naming the key', () => {
    expect(() => loadPublicIntrospection({ ECOGRAPH_INTROSPECTION_PUBLIC: 'yes' }, 'production'))
      .toThrow('ECOGRAPH_INTROSPECTION_PUBLIC must be "true" or "false", got "yes".');
  });
});

describe('loadRedisUrl', () => {
  it('takes a redis:// or rediss:// URL and is null when unset', () => {
    expect(loadRedisUrl({})).toBeNull();
    expect(loadRedisUrl({ ECOGRAPH_REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('redis://127.0.0.1:6379');
    expect(() => loadRedisUrl({ ECOGRAPH_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/^ECOGRAPH_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});

describe('loadSafelist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecograph-safelist-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const body = '{ stations { totalCount } }';

  it('is null when unset and reads a manifest when set', () => {
    expect(loadSafelist({})).toBeNull();
    const path = file('good.json', { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256Hex(body), name: 'Count', type: 'query', body }] });
    expect(loadSafelist({ ECOGRAPH_SAFELIST: path })?.get(sha256Hex(body))?.name).toBe('Count');
  });

  it('names the variable, the file and the wrong key or operation', () => {
    const wrongShape = file('shape.json', { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'abc', name: 'Count', type: 'query', body }] });
    expect(() => loadSafelist({ ECOGRAPH_SAFELIST: wrongShape })).toThrow(`ECOGRAPH_SAFELIST ${wrongShape}: "operations.0.id": must be the lowercase hex SHA-256 of body`);
    const wrongHash = file('hash.json', { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256Hex('x'), name: 'Count', type: 'query', body }] });
    expect(() => loadSafelist({ ECOGRAPH_SAFELIST: wrongHash })).toThrow(`ECOGRAPH_SAFELIST ${wrongHash}: operation "Count": id ${sha256Hex('x')} is not the SHA-256 of its body`);
    expect(() => loadSafelist({ ECOGRAPH_SAFELIST: file('text.json', 'not json') })).toThrow(/^ECOGRAPH_SAFELIST .*text\.json: cannot read it as JSON/);
  });
});
