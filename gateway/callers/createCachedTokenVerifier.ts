/**
 * Verifies a caller's token once per token until it expires (issue 13: the ES256 verification was
 * most of the gateway's own CPU per request). A verified token's Caller is kept in a bounded LRU
 * keyed by the SHA-256 of the token — never the token itself, so the cache holds nothing a heap
 * dump could replay — and answered again while all of these hold:
 * - the token has not reached its `exp` (by the injected clock), and the entry is younger than
 *   `maxTtlMs`: past `exp` the token is verified afresh, so it is refused exactly when it was
 *   before (`exp` plus the configured clock skew);
 * - the key set still gives the very key the token was verified with: a key rotated out of the
 *   JWKS (jose rebuilds a remote set's keys on every reload) or an unknown `kid` drops the entry,
 *   and the token is verified afresh against the set as it is now, refusal reasons included.
 * Refusals are never cached: every refused token is refused by the full check, with its own reason.
 * The gateway has no token revocation list (tokens are short-lived and expire): were one added, it
 * would have to be consulted on a cache hit too.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CompactJWSHeaderParameters, FlattenedJWSInput, JWTVerifyGetKey } from 'jose';
import type { Caller } from '../request/Caller.ts';
import { verifyCallerToken, type CallerTokenOptions, type TokenVerification } from './verifyCallerToken.ts';

export interface CallerTokenVerifier {
  (token: string): Promise<TokenVerification>;
  /**
   * The token's verification if an earlier one still holds (see the module comment), else null:
   * no signature checked, nothing decoded. Only tokens verified as caller tokens are remembered.
   */
  readonly remembered: (token: string) => Promise<(TokenVerification & { ok: true }) | null>;
}

export interface TokenCacheOptions {
  /** Tokens kept; the least recently used is dropped first. @default 10_000 (a few MB at most) */
  readonly maxEntries?: number;
  /** The longest a token is trusted without verifying it again, whatever its `exp`. @default 300_000 (5 min) */
  readonly maxTtlMs?: number;
  /** Epoch ms; tests pass their own clock. @default Date.now */
  readonly now?: () => number;
}

interface Entry {
  readonly caller: Caller;
  readonly expiresAt: number;
  readonly validUntil: number;
  /** The key the signature verified with, and the header that found it in the key set. */
  readonly key: unknown;
  readonly header: CompactJWSHeaderParameters;
}

/** Far above any real token; longer ones go to the full check, which refuses them as malformed without hashing. */
const MAX_CACHED_TOKEN_LENGTH = 8_192;
/** The key lookup reads only the header (alg, kid); the signature was checked when the entry was made. */
const NO_INPUT: FlattenedJWSInput = Object.freeze({ payload: '', signature: '' });

export function createCachedTokenVerifier(keys: JWTVerifyGetKey, options: CallerTokenOptions, cache: TokenCacheOptions = {}): CallerTokenVerifier {
  const { maxEntries = 10_000, maxTtlMs = 300_000, now = Date.now } = cache;
  const entries = new LRUCache<string, Entry>({ max: maxEntries });

  const stillTrusted = async (entry: Entry, at: number): Promise<boolean> => {
    if (at >= entry.validUntil) return false;
    try {
      return (await keys(entry.header, NO_INPUT)) === entry.key;
    } catch {
      return false; // the kid is gone, or the set cannot be fetched: the full check says which
    }
  };

  const idOf = (token: string) => createHash('sha256').update(token).digest('base64url');
  const remembered = async (token: string, id = idOf(token)): Promise<(TokenVerification & { ok: true }) | null> => {
    const hit = entries.get(id);
    if (hit === undefined) return null;
    if (await stillTrusted(hit, now())) return { ok: true, caller: hit.caller, expiresAt: hit.expiresAt };
    entries.delete(id);
    return null;
  };

  const verify = async (token: string): Promise<TokenVerification> => {
    if (token.length > MAX_CACHED_TOKEN_LENGTH) return verifyCallerToken(token, keys, options, now);
    const id = idOf(token);
    const known = await remembered(token, id);
    if (known !== null) return known;
    const at = now();
    let used: { key: unknown; header: CompactJWSHeaderParameters } | null = null;
    const recordingKeys: JWTVerifyGetKey = async (header, input) => {
      const key = await keys(header, input);
      used = { key, header: { alg: header.alg, kid: header.kid } };
      return key;
    };
    const result = await verifyCallerToken(token, recordingKeys, options, () => at);
    // A set with several keys for one kid makes jose try them all without telling which one verified: not cached.
    const verifiedWith = used as { key: unknown; header: CompactJWSHeaderParameters } | null;
    if (result.ok && verifiedWith !== null) {
      const validUntil = Math.min(result.expiresAt, at + maxTtlMs);
      if (validUntil > at) entries.set(id, { caller: result.caller, expiresAt: result.expiresAt, validUntil, ...verifiedWith });
    }
    return result;
  };
  return Object.assign(verify, {
    remembered: (token: string) => (token.length > MAX_CACHED_TOKEN_LENGTH ? Promise.resolve(null) : remembered(token)),
  });
}
