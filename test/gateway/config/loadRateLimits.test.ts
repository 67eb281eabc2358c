/** ECOGRAPH_RATE_LIMIT_* and ECOGRAPH_TRUST_PROXY: defaults, 0 = unlimited, messages naming the key. */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, loadRateLimits, loadTrustedProxies } from '../../../gateway/config/loadGatewayConfig.ts';

describe('loadRateLimits', () => {
  it("defaults to 600 per minute for a token subject, 120 for an address and 6000 for the region's callbacks per caller", () => {
    expect(loadRateLimits({})).toEqual({ authenticated: 600, public: 120, regionCallback: 6_000, windowMs: 60_000 });
  });

  it('takes each setting, 0 meaning unlimited', () => {
    expect(loadRateLimits({
      ECOGRAPH_RATE_LIMIT_AUTHENTICATED: '0', ECOGRAPH_RATE_LIMIT_PUBLIC: '5', ECOGRAPH_RATE_LIMIT_REGION_CALLBACK: '0', ECOGRAPH_RATE_LIMIT_WINDOW_S: '10',
    })).toEqual({ authenticated: 0, public: 5, regionCallback: 0, windowMs: 10_000 });
  });

  it.each([
    ['ECOGRAPH_RATE_LIMIT_PUBLIC', '-1'],
    ['ECOGRAPH_RATE_LIMIT_PUBLIC', 'lots'],
    ['ECOGRAPH_RATE_LIMIT_AUTHENTICATED', '1.5'],
    ['ECOGRAPH_RATE_LIMIT_REGION_CALLBACK', '-3'],
    ['ECOGRAPH_RATE_LIMIT_WINDOW_S', '0'],
    ['ECOGRAPH_RATE_LIMIT_WINDOW_S', '86401'],
  ])('refuses %s=%j, naming the key', (key, value) => {
    expect(() => loadRateLimits({ [key]: value })).toThrow(GatewayConfigError);
    expect(() => loadRateLimits({ [key]: value })).toThrow(new RegExp(`^${key} must be an integer`));
  });
});

describe('loadTrustedProxies', () => {
  it.each([[undefined, 0], ['', 0], ['false', 0], ['true', 1], ['1', 1], ['2', 2]] as const)('reads %j as %i proxies', (raw, hops) => {
    expect(loadTrustedProxies(raw === undefined ? {} : { ECOGRAPH_TRUST_PROXY: raw })).toBe(hops);
  });

  it.each(['yes', '-1', '11', 'TRUE'])('refuses %j, naming the key', (raw) => {
    expect(() => loadTrustedProxies({ ECOGRAPH_TRUST_PROXY: raw })).toThrow(/^ECOGRAPH_TRUST_PROXY must be "true", "false" or a number/);
  });
});
