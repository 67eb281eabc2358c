import { describe, expect, it } from 'vitest';
import { loadGatewayPublicKey } from '../../../subgraphs/config/loadGatewayPublicKey.ts';
import { loadBureauConfig } from '../../../subgraphs/config/loadSubgraphConfig.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';

const config = loadBureauConfig('510900', {});

describe('loadGatewayPublicKey', () => {
  it('reads the JWK named by ECOGRAPH_GATEWAY_PUBLIC_KEY', () => {
    const keys = testGatewayKeys();
    expect(loadGatewayPublicKey(config, { ECOGRAPH_GATEWAY_PUBLIC_KEY: keys.publicKeyPath })).toEqual(keys.publicJwk);
  });

  it('refuses to start without a key, naming the variable and the config key', () => {
    expect(() => loadGatewayPublicKey(config, {})).toThrow(/ECOGRAPH_GATEWAY_PUBLIC_KEY .*"gatewayPublicKey"/);
  });

  it('refuses the private key where the public one belongs', () => {
    expect(() => loadGatewayPublicKey(config, { ECOGRAPH_GATEWAY_PUBLIC_KEY: testGatewayKeys().privateKeyPath }))
      .toThrow(/"d": is the private part/);
  });
});
