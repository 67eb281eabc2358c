import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER } from '../../../gateway/auth/Caller.ts';
import { readJurisdiction, readRequestId, requestIdHeaders } from '../../../gateway/plugins/GatewayContext.ts';

const generate = () => 'generated';

describe('readRequestId', () => {
  it('keeps a well-formed incoming id of up to 64 characters of [A-Za-z0-9._-]', () => {
    expect(readRequestId('abc-DEF_1.2', generate)).toBe('abc-DEF_1.2');
    expect(readRequestId('x'.repeat(64), generate)).toBe('x'.repeat(64));
  });

  it('generates an id when the header is absent, empty, too long or has other characters', () => {
    for (const bad of [undefined, '', 'x'.repeat(65), 'a b', 'a\nb', '"quoted"', 'ünicode']) {
      expect(readRequestId(bad, generate)).toBe('generated');
    }
  });

  it('generates a UUID by default', () => {
    expect(readRequestId(undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('requestIdHeaders', () => {
  it('gives x-request-id for a gateway context and nothing outside a request', () => {
    expect(requestIdHeaders({ requestId: 'r1' })).toEqual({ 'x-request-id': 'r1' });
    expect(requestIdHeaders(undefined)).toEqual({});
    expect(requestIdHeaders({})).toEqual({});
  });
});

describe('readJurisdiction', () => {
  it("is the caller's jurisdiction: null (every bureau) for the public role, its set otherwise", () => {
    expect(readJurisdiction({ caller: PUBLIC_CALLER })).toBeNull();
    const jurisdiction = new Set(['510900']);
    expect(readJurisdiction({ caller: { ...PUBLIC_CALLER, role: 'authenticated', subject: 's', jurisdiction } })).toBe(jurisdiction);
  });

  it('reaches no bureau when the context has no caller (a wiring mistake fails closed)', () => {
    expect(readJurisdiction({})).toEqual(new Set());
    expect(readJurisdiction(undefined)).toEqual(new Set());
  });
});
