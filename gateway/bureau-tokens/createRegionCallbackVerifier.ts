/**
 * The verifier of the one gateway token the gateway accepts back as a caller credential: a token it
 * signed itself for the region (aud "region"), which the region forwards when it calls the gateway
 * on behalf of the request it is serving (section assessments, settlements). Verified by exactly the
 * rules bureaus and the region apply (schema/gateway-token/gatewayTokenRules.ts), with the gateway's
 * own public key, so a token signed by any other key, or meant for a bureau, is refused.
 *
 * Not refused as a replay: one region request may call back several times within the token's
 * 30 s life. It is still refused once expired, and a token is worth no more than the caller it was
 * signed for: the request that led to it already passed authentication at this gateway.
 */
import { createGatewayTokenVerifier, type GatewayTokenVerifier } from '../../schema/gateway-token/createGatewayTokenVerifier.ts';
import type { GatewayPrivateJwk, GatewayPublicJwk } from '../../schema/gateway-token/gatewayJwkSchema.ts';
import { REGION_AUDIENCE } from '../../schema/gateway-token/gatewayTokenRules.ts';

export function createRegionCallbackVerifier(signingKey: GatewayPrivateJwk, options: { readonly now?: () => number } = {}): GatewayTokenVerifier {
  return createGatewayTokenVerifier({ publicKey: publicPartOf(signingKey), audience: REGION_AUDIENCE, refuseReplays: false, now: options.now });
}

/** The public JWK of the gateway's own key pair: the private JWK without its private part `d`. */
function publicPartOf(jwk: GatewayPrivateJwk): GatewayPublicJwk {
  const { d: _private, ...publicPart } = jwk;
  return publicPart;
}
