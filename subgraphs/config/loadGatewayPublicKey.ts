/**
 * The gateway's public key, which a subgraph verifies every request with: the JWK file named by
 * ECOGRAPH_GATEWAY_PUBLIC_KEY, else by `gatewayPublicKey` in the subgraph's config file. Required in
 * every mode: a subgraph that cannot verify would have to serve anyone who reaches it (`npm start`
 * and every test starter pass the key).
 */
import { readJsonConfig } from '../../schema/config/readJsonConfig.ts';
import { ConfigError, type SubgraphConfig } from './loadSubgraphConfig.ts';
import { gatewayPublicJwkSchema, type GatewayPublicJwk } from '../../schema/gateway-token/gatewayJwkSchema.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const GATEWAY_PUBLIC_KEY_ENV = 'ECOGRAPH_GATEWAY_PUBLIC_KEY';

export function loadGatewayPublicKey(config: SubgraphConfig, env: Env = process.env): GatewayPublicJwk {
  const path = env[GATEWAY_PUBLIC_KEY_ENV] || config.gatewayPublicKeyFile;
  if (!path) {
    throw new ConfigError(
      `${config.name}: no gateway public key. Set ${GATEWAY_PUBLIC_KEY_ENV} (or "gatewayPublicKey" in its config file) to the path of ` +
      "the gateway's public JWK (npm start writes it to <data dir>/keys/gateway.public.jwk.json); without it this subgraph " +
      'cannot tell gateway requests from anyone else\'s and does not start.',
    );
  }
  return readJsonConfig(path, gatewayPublicJwkSchema, (m) => new ConfigError(`gateway public key ${m}`));
}
