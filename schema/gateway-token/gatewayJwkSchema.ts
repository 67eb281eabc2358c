/**
 * The gateway's key files (JWK, RFC 7517) as the config loaders accept them: the private key for
 * the gateway (ECOGRAPH_GATEWAY_SIGNING_KEY), the public key for bureaus and the region
 * (ECOGRAPH_GATEWAY_PUBLIC_KEY). `alg` and `kid` are required: the algorithm a verifier accepts is
 * the key's own, never the token's say-so.
 */
import { z } from 'zod';
import { GATEWAY_TOKEN_ALGORITHMS } from './gatewayTokenRules.ts';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

const jwkFields = {
  kty: z.enum(['EC', 'OKP']),
  crv: z.enum(['P-256', 'Ed25519']),
  x: base64url,
  y: base64url.optional(),
  alg: z.enum(GATEWAY_TOKEN_ALGORITHMS, { error: `must be one of ${GATEWAY_TOKEN_ALGORITHMS.join(', ')}` }),
  kid: z.string().min(1).max(128),
  use: z.literal('sig').optional(),
};

/** ES256 is a P-256 EC key (with y), EdDSA an Ed25519 OKP key (without). */
function consistent(jwk: { kty: string; crv: string; y?: string | undefined; alg: string }): boolean {
  return jwk.alg === 'ES256'
    ? jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.y !== undefined
    : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.y === undefined;
}
const CONSISTENT = { error: 'kty/crv do not fit alg (ES256 = EC P-256 with x and y; EdDSA = OKP Ed25519 with x)' };

export const gatewayPublicJwkSchema = z
  .object({
    ...jwkFields,
    // A private key given where the public one belongs would hand every bureau the power to sign.
    d: z.never({ error: 'is the private part: bureaus get the gateway PUBLIC key (gateway.public.jwk.json)' }).optional(),
  })
  .refine(consistent, CONSISTENT);

export const gatewayPrivateJwkSchema = z.object({ ...jwkFields, d: base64url }).refine(consistent, CONSISTENT);

export type GatewayPublicJwk = z.infer<typeof gatewayPublicJwkSchema>;
export type GatewayPrivateJwk = z.infer<typeof gatewayPrivateJwkSchema>;
