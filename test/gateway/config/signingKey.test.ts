import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/config/loadGatewayConfig.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';

const env = { ECOGRAPH_MODE: 'development' };

describe('the gateway signing key (ECOGRAPH_GATEWAY_SIGNING_KEY)', () => {
  it('is read from the private JWK file', () => {
    const keys = testGatewayKeys();
    expect(loadGatewayConfig({ ...env, ...keys.gatewayEnv }).signingKey).toEqual(keys.privateJwk);
  });

  it('is required in every mode, and the message names it', () => {
    expect(() => loadGatewayConfig(env)).toThrow(/ECOGRAPH_GATEWAY_SIGNING_KEY is not set/);
  });

  it('must be a private key: a public one cannot sign', () => {
    expect(() => loadGatewayConfig({ ...env, ECOGRAPH_GATEWAY_SIGNING_KEY: testGatewayKeys().publicKeyPath })).toThrow(/ECOGRAPH_GATEWAY_SIGNING_KEY .*"d"/);
  });
});
