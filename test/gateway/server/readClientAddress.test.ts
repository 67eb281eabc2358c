/**
 * The client address behind zero, one or two trusted proxies: only entries a trusted proxy appended
 * count, so a client cannot choose its own rate-limit key by sending X-Forwarded-For.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readClientAddress } from '../../../gateway/server/readClientAddress.ts';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('readClientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(readClientAddress(request('10.0.0.9', '203.0.113.7'), 0)).toBe('10.0.0.9');
  });

  it('is the entry the one trusted proxy appended (the last), not what the client sent before it', () => {
    expect(readClientAddress(request('10.0.0.2', '203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(readClientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(readClientAddress(request('10.0.0.2', '2001:db8::5'), 1)).toBe('2001:db8::5');
  });

  it('counts back one entry per trusted proxy', () => {
    expect(readClientAddress(request('10.0.0.3', 'forged, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    expect(readClientAddress(request('10.0.0.3', '203.0.113.7'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the TCP peer when the header is missing or its entry is not an address', () => {
    expect(readClientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(readClientAddress(request('10.0.0.2', ' , '), 1)).toBe('10.0.0.2');
    expect(readClientAddress(request('10.0.0.2', '203.0.113.7, unknown'), 1)).toBe('10.0.0.2');
  });
});
