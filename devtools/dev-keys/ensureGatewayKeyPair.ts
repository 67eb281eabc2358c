/**
 * The gateway's signing key pair as two JWK files in one folder: `gateway.private.jwk.json` (0600,
 * for the gateway only) and `gateway.public.jwk.json` (for every bureau and the region). Made once
 * and kept: `npm start` calls this on every run, and bureaus keep trusting the key across restarts.
 * Also used by the test fixtures and the bench, each over its own temporary folder.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GATEWAY_PRIVATE_KEY_FILE = 'gateway.private.jwk.json';
export const GATEWAY_PUBLIC_KEY_FILE = 'gateway.public.jwk.json';

export interface GatewayKeyFiles {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  /** Whether this call made them (false: they were there). */
  readonly created: boolean;
}

export function ensureGatewayKeyPair(dir: string): GatewayKeyFiles {
  const privateKeyPath = join(dir, GATEWAY_PRIVATE_KEY_FILE);
  const publicKeyPath = join(dir, GATEWAY_PUBLIC_KEY_FILE);
  if (existsSync(privateKeyPath) && existsSync(publicKeyPath)) return { privateKeyPath, publicKeyPath, created: false };

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pub = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string };
  const kid = thumbprint(pub);
  const meta = { alg: 'ES256', kid, use: 'sig' };
  // Each file is written whole under a temporary name and renamed: a reader never sees half a key.
  writeWhole(privateKeyPath, { ...(privateKey.export({ format: 'jwk' }) as object), ...meta }, 0o600);
  writeWhole(publicKeyPath, { ...pub, ...meta }, 0o644);
  return { privateKeyPath, publicKeyPath, created: true };
}

/** RFC 7638 JWK thumbprint (SHA-256) of an EC public key: a stable `kid` derived from the key. */
function thumbprint({ crv, kty, x, y }: { kty: string; crv: string; x: string; y: string }): string {
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}

function writeWhole(path: string, jwk: object, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(jwk, null, 2)}\n`, { mode });
  chmodSync(temporary, mode); // the umask may have narrowed or widened what writeFileSync set
  renameSync(temporary, path);
}
