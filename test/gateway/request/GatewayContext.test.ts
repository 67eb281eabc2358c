import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER } from '../../../gateway/request/Caller.ts';
import { readJurisdiction, requestIdHeaders } from '../../../gateway/request/GatewayContext.ts';

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
