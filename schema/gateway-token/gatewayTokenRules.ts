/**
 * What a gateway token is, in one place for both ends: the gateway signs by these rules
 * (gateway/bureau-tokens/createBureauTokenSigner.ts) and every bureau and the region verify by them
 * (createGatewayTokenVerifier.ts). A partner bureau that verifies with its own code follows the
 * same rules (README, "How a partner bureau verifies gateway tokens").
 */

/** `iss` of every gateway token. */
export const GATEWAY_TOKEN_ISSUER = 'ecograph-gateway';

/** `typ` header (RFC 8725 §3.11): a caller's JWT can never be taken for a gateway token. */
export const GATEWAY_TOKEN_TYPE = 'gateway+jwt';

/** `aud` of tokens for the region subgraph; a bureau's audience is its GB/T 2260 code. */
export const REGION_AUDIENCE = 'region';

/** Lifetime the gateway gives its tokens (seconds). */
export const GATEWAY_TOKEN_LIFETIME_S = 30;

/** A token whose `exp - iat` is longer than this is refused: a stolen one is useless within a minute. */
export const MAX_GATEWAY_TOKEN_LIFETIME_S = 60;

/** Clock difference tolerated between the gateway and a bureau (seconds), for `exp` and `iat`. */
export const GATEWAY_TOKEN_CLOCK_SKEW_S = 5;

/** Signature algorithms a gateway key may have; a verifier accepts exactly its key's one. */
export const GATEWAY_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type GatewayTokenAlgorithm = (typeof GATEWAY_TOKEN_ALGORITHMS)[number];

/** Whom a request speaks for: `gateway` is the gateway's own checks (`_service`, health). */
export const FORWARDED_ROLES = ['public', 'authenticated', 'gateway'] as const;
export type ForwardedRole = (typeof FORWARDED_ROLES)[number];

/**
 * The claims of a gateway token. The identity claims mirror the caller's own token at the gateway:
 * `sub` and `bureau` are absent when unknown (always for the public role), `scope` is
 * space-separated, `jurisdiction` absent = every bureau.
 */
export interface GatewayTokenClaims {
  readonly iss: typeof GATEWAY_TOKEN_ISSUER;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  readonly role: ForwardedRole;
  readonly sub?: string;
  readonly bureau?: string;
  readonly scope: string;
  readonly jurisdiction?: readonly string[];
}
