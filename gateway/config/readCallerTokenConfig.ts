/**
 * How the gateway verifies callers' bearer tokens, read from the environment once (called by
 * loadGatewayConfig, the only reader of the gateway's environment):
 * - ECOGRAPH_JWKS              the issuer's keys: a JWKS file, or an http(s) URL inside the network
 * - ECOGRAPH_JWT_ISSUER        the `iss` every token must carry
 * - ECOGRAPH_JWT_AUDIENCE      the `aud` every token must carry (this gateway)
 * - ECOGRAPH_JWT_ALGORITHMS    comma-separated allow-list (default ES256,EdDSA,RS256); asymmetric only
 * - ECOGRAPH_JWT_CLOCK_SKEW_S  tolerated clock difference for exp/nbf, 0–300 s (default 30)
 * In production mode the first three are required; in development mode all three may be left out,
 * and then every presented token is refused (only the public role is served).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The algorithms a caller token may use: asymmetric signatures only, so the gateway never holds a signing secret. */
export const SUPPORTED_TOKEN_ALGORITHMS: readonly string[] = Object.freeze([
  'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
]);
const DEFAULT_ALGORITHMS = 'ES256,EdDSA,RS256';
const MAX_CLOCK_SKEW_S = 300;

export type CallerKeySource =
  | { readonly kind: 'file'; readonly path: string; readonly jwks: { readonly keys: readonly Record<string, unknown>[] } }
  | { readonly kind: 'url'; readonly url: URL };

export interface CallerTokenConfig {
  readonly keys: CallerKeySource;
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceS: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export function readCallerTokenConfig(
  env: Env,
  mode: 'development' | 'production',
  fail: (message: string) => Error,
): CallerTokenConfig | null {
  const jwks = nonEmpty(env['ECOGRAPH_JWKS']);
  const issuer = nonEmpty(env['ECOGRAPH_JWT_ISSUER']);
  const audience = nonEmpty(env['ECOGRAPH_JWT_AUDIENCE']);
  const algorithms = readAlgorithms(env['ECOGRAPH_JWT_ALGORITHMS'] ?? DEFAULT_ALGORITHMS, fail);
  const clockToleranceS = readClockSkew(env['ECOGRAPH_JWT_CLOCK_SKEW_S'], fail);
  if (jwks === undefined && issuer === undefined && audience === undefined && mode === 'development') return null;
  const missing = [
    ...(jwks === undefined ? ['ECOGRAPH_JWKS (a JWKS file or an http(s) URL)'] : []),
    ...(issuer === undefined ? ['ECOGRAPH_JWT_ISSUER'] : []),
    ...(audience === undefined ? ['ECOGRAPH_JWT_AUDIENCE'] : []),
  ];
  if (missing.length > 0) {
    throw fail(
      `Caller token verification needs ${missing.join(', ')}` +
      (mode === 'production' ? ' (required in production mode; ECOGRAPH_MODE=development serves only the public role without them).' : ' (set all three, or none in development mode).'),
    );
  }
  return Object.freeze({ keys: readKeySource(jwks!, fail), issuer: issuer!, audience: audience!, algorithms, clockToleranceS });
}

function readAlgorithms(raw: string, fail: (message: string) => Error): readonly string[] {
  const names = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw fail('ECOGRAPH_JWT_ALGORITHMS must name at least one algorithm, e.g. "ES256,EdDSA,RS256".');
  for (const name of names) {
    // Refused even when configured: `none` is no signature at all, and with HS* the public key
    // (or any shared secret) would become a way to mint tokens.
    if (/^none$/i.test(name) || /^HS\d+$/i.test(name)) {
      throw fail(`ECOGRAPH_JWT_ALGORITHMS names "${name}", which is never allowed (only asymmetric signatures: ${SUPPORTED_TOKEN_ALGORITHMS.join(', ')}).`);
    }
    if (!SUPPORTED_TOKEN_ALGORITHMS.includes(name)) {
      throw fail(`ECOGRAPH_JWT_ALGORITHMS names "${name}", which is not one of ${SUPPORTED_TOKEN_ALGORITHMS.join(', ')}.`);
    }
  }
  return Object.freeze([...new Set(names)]);
}

function readClockSkew(raw: string | undefined, fail: (message: string) => Error): number {
  if (raw === undefined) return 30;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_CLOCK_SKEW_S) {
    throw fail(`ECOGRAPH_JWT_CLOCK_SKEW_S must be an integer from 0 to ${MAX_CLOCK_SKEW_S} (seconds), got "${raw}".`);
  }
  return value;
}

function readKeySource(raw: string, fail: (message: string) => Error): CallerKeySource {
  if (/^https?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw fail(`ECOGRAPH_JWKS is not a valid URL: "${raw}".`);
    }
    if (url.username || url.password) throw fail('ECOGRAPH_JWKS must not carry credentials in its URL.');
    return Object.freeze({ kind: 'url', url });
  }
  const path = resolve(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw fail(`ECOGRAPH_JWKS: cannot read a JSON key set from ${path}: ${(error as Error).message}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null && typeof (k as { kty?: unknown }).kty === 'string')) {
    throw fail(`ECOGRAPH_JWKS: ${path} is not a JWKS (expected {"keys": [ {"kty": …}, … ]}).`);
  }
  if (keys.some((k) => 'd' in (k as object) || (k as { kty: string }).kty === 'oct')) {
    throw fail(`ECOGRAPH_JWKS: ${path} holds a private or symmetric key; give the gateway the public key set only.`);
  }
  return Object.freeze({ kind: 'file', path, jwks: { keys: keys as Record<string, unknown>[] } });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
