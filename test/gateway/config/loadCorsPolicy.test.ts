/** ECOGRAPH_CORS_ORIGINS and ECOGRAPH_CORS_CREDENTIALS: none by default, exact origins only, messages naming the key. */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, loadCorsPolicy } from '../../../gateway/config/loadGatewayConfig.ts';

describe('loadCorsPolicy', () => {
  it('allows no origin by default (no CORS at all)', () => {
    expect(loadCorsPolicy({})).toBeNull();
    expect(loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: ' ' })).toBeNull();
  });

  it('takes comma-separated exact origins, without credentials unless asked', () => {
    expect(loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: 'https://portal.example.cn, http://127.0.0.1:5173' })).toEqual({
      allowedOrigins: ['https://portal.example.cn', 'http://127.0.0.1:5173'], credentials: false,
    });
    expect(loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: 'https://portal.example.cn', ECOGRAPH_CORS_CREDENTIALS: 'true' })?.credentials).toBe(true);
  });

  it.each(['*', 'portal.example.cn', 'https://portal.example.cn/', 'https://portal.example.cn/app', 'https://Portal.example.cn',
    'https://portal.example.cn:443', 'ftp://portal.example.cn', 'https://*.example.cn'])('refuses the origin %j, naming the key', (origin) => {
    expect(() => loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: origin })).toThrow(GatewayConfigError);
    expect(() => loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: origin })).toThrow(/^ECOGRAPH_CORS_ORIGINS must list exact origins/);
  });

  it('refuses ECOGRAPH_CORS_CREDENTIALS other than true or false, naming the key', () => {
    expect(() => loadCorsPolicy({ ECOGRAPH_CORS_ORIGINS: 'https://a.example.cn', ECOGRAPH_CORS_CREDENTIALS: 'yes' }))
      .toThrow(/^ECOGRAPH_CORS_CREDENTIALS must be "true" or "false"/);
  });
});
