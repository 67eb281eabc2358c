/**
 * The development issuer and `npm run token` (run as the real script): keys made once with a
 * private key only its owner reads, tokens the gateway's verification accepts, and refusals with
 * exit code 2 for production mode and bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer, signDevToken } from '../../../devtools/dev-keys/devIssuer.ts';
import { verifyCallerToken } from '../../../gateway/callers/verifyCallerToken.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecograph-dev-issuer-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const TOKEN_MAIN = fileURLToPath(new URL('../../../devtools/dev-keys/token.main.ts', import.meta.url));
function token(args: string[], env: Record<string, string>) {
  const { ECOGRAPH_MODE: _mode, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', TOKEN_MAIN, ...args], { env: { ...inherited, ...env }, encoding: 'utf8' });
}

async function verify(jwksPath: string, jwt: string) {
  const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksPath, 'utf8')));
  return verifyCallerToken(jwt, keys, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['ES256'], clockToleranceS: 30 });
}

describe('the development issuer', () => {
  it('makes the key pair once, the private key 0600, and keeps it', async () => {
    const dir = tempDir();
    const files = await ensureDevIssuer(dir);
    expect(statSync(files.privateKeyPath).mode & 0o777).toBe(0o600);
    const jwks = JSON.parse(readFileSync(files.jwksPath, 'utf8'));
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].kid).toMatch(/^[\w-]{43}$/);
    expect(jwks.keys[0].d).toBeUndefined();
    const before = readFileSync(files.privateKeyPath, 'utf8');
    await ensureDevIssuer(dir);
    expect(readFileSync(files.privateKeyPath, 'utf8')).toBe(before);
  });

  it('signs tokens the gateway accepts, with the claims given', async () => {
    const files = await ensureDevIssuer(tempDir());
    const result = await verify(files.jwksPath, await signDevToken(files, { sub: 'li.na', bureau: '510900', scope: 'cases:read', jurisdiction: ['510900'] }, 60));
    expect(result.ok && result.caller).toMatchObject({ role: 'authenticated', subject: 'li.na', bureau: '510900' });
  });
});

// Each case starts the script through tsx: seconds apiece on a busy machine.
describe('npm run token', { timeout: 90_000 }, () => {
  it('prints only a token, signed by the development issuer', async () => {
    const dir = tempDir();
    const run = token(['--bureau', '500152', '--scope', 'cases:read emergency:contacts', '--jurisdiction', '500152 510900', '--ttl', '120'],
      { ECOGRAPH_MODE: 'development', ECOGRAPH_DATA_DIR: dir });
    expect(run.stderr).toContain('Signed by the development issuer');
    expect(run.status).toBe(0);
    const jwt = run.stdout.trim();
    expect(jwt.split('.')).toHaveLength(3);
    const result = await verify(join(dir, 'keys', 'dev-issuer.jwks.json'), jwt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.caller.subject).toBe('dev-500152');
    expect([...result.caller.scopes]).toEqual(['cases:read', 'emergency:contacts']);
    expect([...result.caller.jurisdiction!]).toEqual(['500152', '510900']);
  });

  it.each([
    ['production mode', ['--bureau', '500152'], { ECOGRAPH_MODE: 'production' }, /production: development tokens are refused/],
    ['an unset mode without a development issuer', ['--bureau', '500152'], {}, /No development issuer in .*npm start/],
    ['an unknown bureau', ['--bureau', '123456'], { ECOGRAPH_MODE: 'development' }, /--bureau "123456" is not a bureau of this federation \(500000, /],
    ['an unknown scope', ['--scope', 'cases:delete'], { ECOGRAPH_MODE: 'development' }, /--scope: unknown "cases:delete"; the scopes are cases:read, /],
    ['a jurisdiction outside the federation', ['--jurisdiction', '500152 999999'], { ECOGRAPH_MODE: 'development' }, /--jurisdiction: 999999 is not a bureau/],
    ['a ttl out of range', ['--ttl', '0'], { ECOGRAPH_MODE: 'development' }, /--ttl must be whole seconds from 1 to 86400/],
    ['an unknown option', ['--admin'], { ECOGRAPH_MODE: 'development' }, /Unknown option '--admin'[\s\S]*Usage: npm run token/],
  ])('refuses %s with exit 2 and a message', (_what, args, env, message) => {
    const run = token(args, { ...env, ECOGRAPH_DATA_DIR: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
