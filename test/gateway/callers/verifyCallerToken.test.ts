import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCallerToken, type CallerTokenOptions } from '../../../gateway/callers/verifyCallerToken.ts';

const OPTIONS: CallerTokenOptions = { issuer: 'test-issuer', audience: 'test-gateway', algorithms: ['ES256', 'EdDSA', 'RS256'], clockToleranceS: 30 };
const now = () => Math.floor(Date.now() / 1000);

let privateKey: CryptoKey;
let publicJwk: JWK;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  keys = createLocalJWKSet({ keys: [publicJwk] });
});

function sign(payload: JWTPayload, header: Record<string, unknown> = {}, key: CryptoKey | Uint8Array = privateKey) {
  return new SignJWT({ iss: 'test-issuer', aud: 'test-gateway', sub: 'officer-1', exp: now() + 600, ...payload })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1', ...header } as { alg: string })
    .sign(key);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('caller tokens', () => {
  it('turns a valid token into the caller it names: bureau, scopes, jurisdiction', async () => {
    const token = await sign({ bureau: '500152', scope: 'cases:read cases:internal', jurisdiction: ['500152', '510900'] });
    const result = await verifyCallerToken(token, keys, OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.caller).toMatchObject({ role: 'authenticated', subject: 'officer-1', bureau: '500152' });
    expect([...result.caller.scopes]).toEqual(['cases:read', 'cases:internal']);
    expect([...result.caller.jurisdiction!]).toEqual(['500152', '510900']);
  });

  it('reads a space-separated jurisdiction; no jurisdiction means every bureau; no scope means none', async () => {
    const spaced = await verifyCallerToken(await sign({ jurisdiction: '500152 511600' }), keys, OPTIONS);
    expect(spaced.ok && [...spaced.caller.jurisdiction!]).toEqual(['500152', '511600']);
    const bare = await verifyCallerToken(await sign({}), keys, OPTIONS);
    expect(bare.ok && bare.caller.jurisdiction).toBeNull();
    expect(bare.ok && bare.caller.scopes.size).toBe(0);
    expect(bare.ok && bare.caller.bureau).toBeNull();
  });

  it('tolerates the configured clock skew and no more', async () => {
    expect((await verifyCallerToken(await sign({ exp: now() - 10 }), keys, OPTIONS)).ok).toBe(true);
    expect(await verifyCallerToken(await sign({ exp: now() - 10 }), keys, { ...OPTIONS, clockToleranceS: 0 })).toMatchObject({ ok: false, reason: 'expired' });
  });

  const forged: Array<[string, () => Promise<string>, string]> = [
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'test-issuer', aud: 'test-gateway', sub: 'x', exp: now() + 600 })}.`, 'algorithm-not-allowed'],
    ['HS256 signed with the public JWK', () => sign({}, { alg: 'HS256' }, new TextEncoder().encode(JSON.stringify(publicJwk))), 'algorithm-not-allowed'],
    ['HS256 signed with the public key PEM', async () => {
      const pem = await exportSPKI((await importJWK(publicJwk, 'ES256')) as CryptoKey);
      return sign({}, { alg: 'HS256' }, new TextEncoder().encode(pem));
    }, 'algorithm-not-allowed'],
    ['expired', () => sign({ exp: now() - 120 }), 'expired'],
    ['not yet valid', () => sign({ nbf: now() + 120 }), 'not-yet-valid'],
    ['wrong audience', () => sign({ aud: 'another-gateway' }), 'wrong-audience'],
    ['wrong issuer', () => sign({ iss: 'someone-else' }), 'wrong-issuer'],
    ['unknown kid', async () => sign({}, { kid: 'k-unknown' }, (await generateKeyPair('ES256')).privateKey), 'unknown-key'],
    ['known kid, other key', async () => sign({}, {}, (await generateKeyPair('ES256')).privateKey), 'bad-signature'],
    ['no exp', () => sign({ exp: undefined }), 'missing-claim'],
    ['no sub', () => sign({ sub: undefined }), 'missing-claim'],
    ['bureau not a 6-digit code', () => sign({ bureau: 'Tongnan' }), 'bad-claim'],
    ['jurisdiction of non-codes', () => sign({ jurisdiction: ['500152', 42] }), 'bad-claim'],
    ['scope not a string', () => sign({ scope: ['cases:read'] }), 'bad-claim'],
    ['not a JWT', async () => 'not-a-token', 'malformed'],
    ['garbage in three parts', async () => 'a.b.c', 'malformed'],
  ];
  for (const [name, make, reason] of forged) {
    it(`refuses a forged or unfit token: ${name}`, async () => {
      const token = await make();
      const result = await verifyCallerToken(token, keys, OPTIONS);
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) expect(result.message).not.toContain(token.slice(0, 20));
    });
  }

  it('refuses an algorithm left out of the allow-list even with a good signature', async () => {
    const result = await verifyCallerToken(await sign({}), keys, { ...OPTIONS, algorithms: ['EdDSA'] });
    expect(result).toMatchObject({ ok: false, reason: 'algorithm-not-allowed' });
  });
});
