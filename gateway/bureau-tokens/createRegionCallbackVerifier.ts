/**
 * The verifier of the one gateway token the gateway accepts back as a caller credential: a token it
 * signed itself for the region (aud "region"), which the region forwards when it calls the gateway
 * on behalf of the request it is serving (section assessments, settlements). Verified by exactly the
 * rules bureaus and the region apply (schema/gateway-token/gatewayTokenRules.ts), with the gateway's
 * own public key, so a token signed by any other key, or meant for a bureau, is refused.
 *
 * Bureaus call back the same way for the cooperation writes (an incident's recipients), so with
 * `bureaus` the audiences of the registry's bureaus are accepted too: the token is still only worth
 * the caller it was signed for.
 *
 * Not refused as a replay: one region request may call back several times within the token's
 * 30 s life. It is still refused once expired, and a token is worth no more than the caller it was
 * signed for: the request that led to it already passed authentication at this gateway.
 */
import { createGatewayTokenVerifier, type GatewayTokenVerifier } from '../../schema/gateway-token/createGatewayTokenVerifier.ts';
import type { GatewayPrivateJwk, GatewayPublicJwk } from '../../schema/gateway-token/gatewayJwkSchema.ts';
import { REGION_AUDIENCE } from '../../schema/gateway-token/gatewayTokenRules.ts';

export interface CallbackVerifierOptions {
  readonly now?: () => number;
  /**
   * The bureaus whose tokens also come back as callbacks (a bureau asks for the region's rivers and
   * sections to address an incident's notices, with the token of the request it serves). Read at each
   * verification, so registry changes apply. @default none: only the region's tokens
   */
  readonly bureaus?: () => readonly string[];
}

export function createRegionCallbackVerifier(signingKey: GatewayPrivateJwk, options: CallbackVerifierOptions = {}): GatewayTokenVerifier {
  const { bureaus } = options;
  return createGatewayTokenVerifier({
    publicKey: publicPartOf(signingKey),
    audience: bureaus === undefined ? REGION_AUDIENCE : () => [REGION_AUDIENCE, ...bureaus()],
    refuseReplays: false,
    now: options.now,
  });
}

/** The public JWK of the gateway's own key pair: the private JWK without its private part `d`. */
function publicPartOf(jwk: GatewayPrivateJwk): GatewayPublicJwk {
  const { d: _private, ...publicPart } = jwk;
  return publicPart;
}
