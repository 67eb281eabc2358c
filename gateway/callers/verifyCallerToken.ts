/**
 * A caller's bearer token → the Caller it proves, or why it proves nothing. Pure apart from the key
 * lookup `keys` does (a local key set, or a remote one jose caches). Refusal messages say why in
 * general terms and never repeat the token or its claims: they reach clients and logs.
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Caller } from '../request/Caller.ts';

export interface CallerTokenOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceS: number;
}

export type TokenRefusalReason =
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-signature'
  | 'unknown-key'
  | 'algorithm-not-allowed'
  | 'missing-claim'
  | 'bad-claim'
  | 'no-issuer-configured'
  | 'key-set-unavailable';

export type TokenVerification =
  /** `expiresAt`: the token's `exp` in epoch ms (a verified token always has one). */
  | { readonly ok: true; readonly caller: Caller; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: TokenRefusalReason; readonly message: string };

/** Far above any real token (a few hundred bytes); refusing larger ones bounds the work an attacker can ask for. */
const MAX_TOKEN_LENGTH = 8_192;
const MAX_SCOPES = 64;
const BUREAU_CODE = /^\d{6}$/;
const SCOPE_NAME = /^[\x21\x23-\x5B\x5D-\x7E]{1,64}$/; // RFC 6749 scope-token characters

const MESSAGES: Readonly<Record<TokenRefusalReason, string>> = {
  'malformed': 'The bearer token is not a well-formed signed JWT.',
  'expired': 'The bearer token has expired.',
  'not-yet-valid': 'The bearer token is not valid yet (nbf is in the future).',
  'wrong-issuer': 'The bearer token was issued by an issuer this gateway does not trust.',
  'wrong-audience': 'The bearer token is meant for another audience than this gateway.',
  'bad-signature': 'The bearer token signature does not verify.',
  'unknown-key': "The bearer token was signed with a key that is not in the issuer's key set.",
  'algorithm-not-allowed': 'The bearer token uses a signature algorithm this gateway does not accept.',
  'missing-claim': 'The bearer token lacks a required claim (sub and exp are required).',
  'bad-claim': 'The bearer token has a claim of the wrong form (bureau and jurisdiction take 6-digit codes, scope a space-separated string).',
  'no-issuer-configured': 'This gateway has no token issuer configured; send requests without a token.',
  'key-set-unavailable': "The issuer's key set could not be fetched; try again shortly.",
};

export function refusal(reason: TokenRefusalReason): TokenVerification & { ok: false } {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/** `now` (epoch ms) is the clock `exp` and `nbf` are judged by. @default Date.now */
export async function verifyCallerToken(
  token: string, keys: JWTVerifyGetKey, options: CallerTokenOptions, now: () => number = Date.now,
): Promise<TokenVerification> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) return refusal('malformed');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [...options.algorithms],
      clockTolerance: options.clockToleranceS,
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(now()),
    }));
  } catch (error) {
    return refusal(reasonOf(error));
  }
  const verified = callerOf(payload);
  // `exp` is required above: a subscription opened with this token ends when it does.
  return verified.ok && typeof payload.exp === 'number' ? { ...verified, expiresAt: payload.exp * 1000 } : verified;
}

/** The Caller a verified payload describes; claims of the wrong form refuse the whole token. */
export function callerOf(payload: JWTPayload): TokenVerification {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 256) return refusal(typeof sub === 'string' ? 'bad-claim' : 'missing-claim');
  const bureau = payload['bureau'];
  if (bureau !== undefined && (typeof bureau !== 'string' || !BUREAU_CODE.test(bureau))) return refusal('bad-claim');
  const scopeClaim = payload['scope'];
  if (scopeClaim !== undefined && typeof scopeClaim !== 'string') return refusal('bad-claim');
  const scopes = (scopeClaim ?? '').split(' ').filter((s) => s.length > 0);
  if (scopes.length > MAX_SCOPES || !scopes.every((s) => SCOPE_NAME.test(s))) return refusal('bad-claim');
  const jurisdiction = readJurisdiction(payload['jurisdiction']);
  if (jurisdiction === 'bad') return refusal('bad-claim');
  return {
    ok: true,
    expiresAt: (payload.exp ?? 0) * 1000, // jwtVerify required it
    caller: Object.freeze({
      role: 'authenticated',
      subject: sub,
      bureau: bureau ?? null,
      scopes: new Set(scopes),
      jurisdiction,
    }),
  };
}

/** Absent = every bureau; an array of codes or a space-separated string of them otherwise. */
function readJurisdiction(claim: unknown): ReadonlySet<string> | null | 'bad' {
  if (claim === undefined) return null;
  const codes = typeof claim === 'string' ? claim.split(' ').filter((s) => s.length > 0) : claim;
  if (!Array.isArray(codes) || codes.length > 1_000) return 'bad';
  if (!codes.every((c): c is string => typeof c === 'string' && BUREAU_CODE.test(c))) return 'bad';
  return new Set(codes);
}

function reasonOf(error: unknown): TokenRefusalReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'missing-claim';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'nbf') return 'not-yet-valid';
    return 'bad-claim';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm-not-allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-key';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  // Anything else comes from the key set: fetching a remote one failed (timeout, refused
  // connection, a status other than 200) or it holds no usable key.
  return 'key-set-unavailable';
}
