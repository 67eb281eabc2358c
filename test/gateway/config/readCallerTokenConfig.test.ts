import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfigError, loadGatewayMode } from '../../../gateway/config/loadGatewayConfig.ts';
import { readCallerTokenConfig } from '../../../gateway/config/readCallerTokenConfig.ts';

/** The caller-token part of the gateway's configuration, read as loadGatewayConfig reads it. */
function loadGatewayConfig(env: Record<string, string>) {
  const mode = loadGatewayMode(env);
  return { mode, callerTokens: readCallerTokenConfig(env, mode, (m) => new GatewayConfigError(m)) };
}

let dir: string;
let jwks: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecograph-jwks-'));
  jwks = join(dir, 'jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuerEnv = () => ({ ECOGRAPH_JWKS: jwks, ECOGRAPH_JWT_ISSUER: 'iss', ECOGRAPH_JWT_AUDIENCE: 'aud' });
const refused = (env: Record<string, string>, message: RegExp) => {
  expect(() => loadGatewayConfig(env)).toThrow(GatewayConfigError);
  expect(() => loadGatewayConfig(env)).toThrow(message);
};

describe('caller token configuration', () => {
  it('is production by default, and production requires an issuer: the message names each missing key', () => {
    refused({}, /ECOGRAPH_JWKS.*ECOGRAPH_JWT_ISSUER, ECOGRAPH_JWT_AUDIENCE.*required in production mode/);
    refused({ ECOGRAPH_JWKS: jwks, ECOGRAPH_JWT_ISSUER: 'iss' }, /needs ECOGRAPH_JWT_AUDIENCE/);
  });

  it('lets development mode run without an issuer (public role only), but not with half of one', () => {
    expect(loadGatewayConfig({ ECOGRAPH_MODE: 'development' })).toMatchObject({ mode: 'development', callerTokens: null });
    refused({ ECOGRAPH_MODE: 'development', ECOGRAPH_JWT_ISSUER: 'iss' }, /needs ECOGRAPH_JWKS.*ECOGRAPH_JWT_AUDIENCE/);
  });

  it('reads a complete issuer with the defaults: ES256, EdDSA, RS256 and 30 s of skew', () => {
    const config = loadGatewayConfig(issuerEnv());
    expect(config.mode).toBe('production');
    expect(config.callerTokens).toMatchObject({ issuer: 'iss', audience: 'aud', algorithms: ['ES256', 'EdDSA', 'RS256'], clockToleranceS: 30 });
    expect(config.callerTokens?.keys).toMatchObject({ kind: 'file', path: jwks });
  });

  it('takes an in-network URL for the key set without fetching it', () => {
    const config = loadGatewayConfig({ ...issuerEnv(), ECOGRAPH_JWKS: 'http://127.0.0.1:9/jwks.json' });
    expect(config.callerTokens?.keys).toMatchObject({ kind: 'url' });
  });

  it('never allows none or HS* even when configured', () => {
    refused({ ...issuerEnv(), ECOGRAPH_JWT_ALGORITHMS: 'ES256,none' }, /ECOGRAPH_JWT_ALGORITHMS names "none", which is never allowed/);
    refused({ ...issuerEnv(), ECOGRAPH_JWT_ALGORITHMS: 'HS256' }, /"HS256", which is never allowed/);
    refused({ ...issuerEnv(), ECOGRAPH_JWT_ALGORITHMS: 'ES257' }, /"ES257", which is not one of/);
  });

  it('bounds the clock skew to 0–300 s', () => {
    expect(loadGatewayConfig({ ...issuerEnv(), ECOGRAPH_JWT_CLOCK_SKEW_S: '300' }).callerTokens?.clockToleranceS).toBe(300);
    refused({ ...issuerEnv(), ECOGRAPH_JWT_CLOCK_SKEW_S: '301' }, /ECOGRAPH_JWT_CLOCK_SKEW_S must be an integer from 0 to 300/);
    refused({ ...issuerEnv(), ECOGRAPH_JWT_CLOCK_SKEW_S: '-1' }, /ECOGRAPH_JWT_CLOCK_SKEW_S/);
  });

  it('refuses a key file that is not a public JWKS', () => {
    const priv = join(dir, 'private.json');
    writeFileSync(priv, JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret' }] }));
    refused({ ...issuerEnv(), ECOGRAPH_JWKS: priv }, /holds a private or symmetric key/);
    refused({ ...issuerEnv(), ECOGRAPH_JWKS: join(dir, 'missing.json') }, /ECOGRAPH_JWKS: cannot read a JSON key set/);
    const notJwks = join(dir, 'not.json');
    writeFileSync(notJwks, '{"kty":"EC"}');
    refused({ ...issuerEnv(), ECOGRAPH_JWKS: notJwks }, /is not a JWKS/);
  });

  it('refuses an unknown mode', () => {
    refused({ ECOGRAPH_MODE: 'staging' }, /ECOGRAPH_MODE must be "development" or "production", got "staging"/);
  });
});
