/**
 * The development token issuer: one ES256 key pair kept in <data dir>/keys (created on first use,
 * private key readable by its owner only), the environment that makes a gateway trust it, and
 * signing. `npm start` and the test fixtures use it; `npm run token` signs with it. Production
 * deployments use their own issuer and point ECOGRAPH_JWKS at its key set instead.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export const DEV_ISSUER = 'ecograph-dev';
export const DEV_AUDIENCE = 'ecograph-gateway';
const ALGORITHM = 'ES256';

export interface DevIssuerFiles {
  readonly privateKeyPath: string;
  readonly jwksPath: string;
}

export interface DevTokenClaims {
  readonly sub: string;
  readonly bureau?: string;
  readonly scope?: string;
  readonly jurisdiction?: readonly string[];
}

export function devIssuerFiles(dataDir: string): DevIssuerFiles {
  const dir = join(dataDir, 'keys');
  return { privateKeyPath: join(dir, 'dev-issuer.private.jwk.json'), jwksPath: join(dir, 'dev-issuer.jwks.json') };
}

export function devIssuerExists(dataDir: string): boolean {
  const files = devIssuerFiles(dataDir);
  return existsSync(files.privateKeyPath) && existsSync(files.jwksPath);
}

/** Creates the key pair unless both files are there already; returns their paths. */
export async function ensureDevIssuer(dataDir: string): Promise<DevIssuerFiles> {
  const files = devIssuerFiles(dataDir);
  if (devIssuerExists(dataDir)) return files;
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
  // Written under temporary names and renamed, so a reader never sees half a key; the private key is 0600 from the start.
  writeAtomically(files.privateKeyPath, privateJwk, 0o600);
  writeAtomically(files.jwksPath, { keys: [{ ...publicJwk, kid, alg: ALGORITHM, use: 'sig' }] }, 0o644);
  return files;
}

/** What a gateway needs to trust the development issuer (mode development: `npm start` and tests). */
export function devIssuerEnv(files: DevIssuerFiles): Record<string, string> {
  return {
    ECOGRAPH_MODE: 'development',
    ECOGRAPH_JWKS: files.jwksPath,
    ECOGRAPH_JWT_ISSUER: DEV_ISSUER,
    ECOGRAPH_JWT_AUDIENCE: DEV_AUDIENCE,
  };
}

/** A token from the development issuer, valid for `ttlS` seconds from now. */
export async function signDevToken(files: DevIssuerFiles, claims: DevTokenClaims, ttlS: number): Promise<string> {
  const jwk = JSON.parse(readFileSync(files.privateKeyPath, 'utf8')) as JWK;
  const key = await importJWK(jwk, ALGORITHM);
  const payload: Record<string, unknown> = {};
  if (claims.bureau !== undefined) payload['bureau'] = claims.bureau;
  if (claims.scope !== undefined && claims.scope.length > 0) payload['scope'] = claims.scope;
  if (claims.jurisdiction !== undefined) payload['jurisdiction'] = [...claims.jurisdiction];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM, kid: jwk.kid!, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(`${ttlS}s`)
    .sign(key);
}

function writeAtomically(path: string, value: unknown, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode, flag: 'wx' });
  chmodSync(temporary, mode); // the umask may have narrowed or, for 0644, not mattered; be exact
  renameSync(temporary, path);
}
