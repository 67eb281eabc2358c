import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';
import { rateLimitKey } from '../../../gateway/ratelimit/rateLimitKey.ts';

const signedIn = (subject: string): Caller => ({ role: 'authenticated', subject, bureau: '500152', scopes: new Set(), jurisdiction: null });

describe('rateLimitKey', () => {
  it('keys an authenticated caller by its subject, whatever its address', () => {
    expect(rateLimitKey(signedIn('officer-17'), '10.0.0.1')).toBe('sub:officer-17');
    expect(rateLimitKey(signedIn('officer-17'), '10.9.9.9')).toBe('sub:officer-17');
  });

  it("keys the region's callbacks apart: by the forwarded subject, all public callers together, never by address", () => {
    expect(rateLimitKey(signedIn('officer-17'), '127.0.0.1', 'region-callback')).toBe('region-callback:sub:officer-17');
    expect(rateLimitKey(PUBLIC_CALLER, '127.0.0.1', 'region-callback')).toBe('region-callback:public');
    expect(rateLimitKey(PUBLIC_CALLER, '10.0.0.9', 'region-callback')).toBe('region-callback:public');
  });

  it('keys a caller without a token by its address', () => {
    expect(rateLimitKey(PUBLIC_CALLER, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(rateLimitKey(PUBLIC_CALLER, '::ffff:10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it.each([
    ['2001:db8:85a3:1:aaaa:bbbb:cccc:dddd', 'ip:2001:db8:85a3:1::/64'],
    ['2001:0db8:85a3:0001:0000:0000:0000:0001', 'ip:2001:db8:85a3:1::/64'],
    ['2001:db8::1', 'ip:2001:db8:0:0::/64'],
    ['2001:db8:1:2::', 'ip:2001:db8:1:2::/64'],
    ['::1', 'ip:0:0:0:0::/64'],
    ['fe80::1%eth0', 'ip:fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', 'ip:64:ff9b:0:0::/64'],
  ])('keys the IPv6 address %s by its /64 (%s)', (address, key) => {
    expect(rateLimitKey(PUBLIC_CALLER, address)).toBe(key);
  });

  it('gives every address in one /64 the same key and neighbouring /64s different ones', () => {
    expect(rateLimitKey(PUBLIC_CALLER, '2001:db8:0:7::1')).toBe(rateLimitKey(PUBLIC_CALLER, '2001:db8:0:7:ffff::9'));
    expect(rateLimitKey(PUBLIC_CALLER, '2001:db8:0:7::1')).not.toBe(rateLimitKey(PUBLIC_CALLER, '2001:db8:0:8::1'));
  });
});
