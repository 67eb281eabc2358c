import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCachedTokenVerifier, type TokenCacheOptions } from '../../../gateway/callers/createCachedTokenVerifier.ts';
import type { CallerTokenOptions, TokenVerification } from '../../../gateway/callers/verifyCallerToken.ts';

const OPTIONS: CallerTokenOptions = { issuer: 'test-issuer', audience: 'test-gateway', algorithms: ['ES256'], clockToleranceS: 0 };
const START = Math.floor(Date.now() / 1000) * 1000;

let privateKey: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
});

function sign(payload: JWTPayload = {}) {
  return new SignJWT({ iss: 'test-issuer', aud: 'test-gateway', sub: 'officer-1', exp: START / 1000 + 600, scope: 'cases:read', ...payload })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .sign(privateKey);
}

/**
 * A key set that can be swapped as a remote JWKS is on reload (each set imports its keys anew), and
 * that counts the signatures it is asked a key for: a full verification passes the token's signature,
 * a cache hit only looks the key up again.
 */
function rotatingKeys(jwks: { keys: JWK[] }) {
  let set = createLocalJWKSet(jwks);
  const counts = { verifications: 0 };
  const keys: JWTVerifyGetKey = (header, input) => {
    if (input.signature !== '') counts.verifications += 1;
    return set(header, input);
  };
  return { keys, counts, replace: (next: { keys: JWK[] }) => void (set = createLocalJWKSet(next)) };
}

function setup(cache: Omit<TokenCacheOptions, 'now'> = {}, options: CallerTokenOptions = OPTIONS) {
  const clock = { now: START };
  const { keys, counts, replace } = rotatingKeys({ keys: [publicJwk] });
  const verify = createCachedTokenVerifier(keys, options, { ...cache, now: () => clock.now });
  return { verify, counts, clock, replace };
}

const callerOf = (result: TokenVerification) => (result.ok ? result.caller : null);

describe('createCachedTokenVerifier', () => {
  it('verifies a token once and answers the same caller from the cache after', async () => {
    const { verify, counts } = setup();
    const token = await sign({ bureau: '500152' });
    const first = await verify(token);
    const second = await verify(token);
    expect(first).toMatchObject({ ok: true, caller: { subject: 'officer-1', bureau: '500152' } });
    expect(callerOf(second)).toBe(callerOf(first));
    expect(counts.verifications).toBe(1);
  });

  it('refuses a cached token as expired once its exp has passed, by the injected clock', async () => {
    const { verify, counts, clock } = setup();
    const token = await sign({ exp: START / 1000 + 60 });
    expect((await verify(token)).ok).toBe(true);
    clock.now = START + 59_999;
    expect((await verify(token)).ok).toBe(true);
    expect(counts.verifications).toBe(1);
    clock.now = START + 60_000;
    expect(await verify(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('keeps the clock skew the full check allows: past exp the token is verified afresh, and refused after the skew', async () => {
    const { verify, counts, clock } = setup({}, { ...OPTIONS, clockToleranceS: 30 });
    const token = await sign({ exp: START / 1000 + 60 });
    await verify(token);
    clock.now = START + 70_000;
    expect((await verify(token)).ok).toBe(true);
    expect(counts.verifications).toBe(2);
    clock.now = START + 90_000;
    expect(await verify(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('verifies again after the maximum TTL even if the token lives longer', async () => {
    const { verify, counts, clock } = setup({ maxTtlMs: 10_000 });
    const token = await sign();
    await verify(token);
    clock.now = START + 9_999;
    await verify(token);
    expect(counts.verifications).toBe(1);
    clock.now = START + 10_000;
    expect((await verify(token)).ok).toBe(true);
    expect(counts.verifications).toBe(2);
  });

  it('keeps at most maxEntries tokens, dropping the least recently used', async () => {
    const { verify, counts } = setup({ maxEntries: 2 });
    const [a, b, c] = await Promise.all([sign({ sub: 'a' }), sign({ sub: 'b' }), sign({ sub: 'c' })]);
    await verify(a);
    await verify(b);
    await verify(a); // a is now the most recently used
    await verify(c); // drops b
    expect(counts.verifications).toBe(3);
    await verify(a);
    await verify(c);
    expect(counts.verifications).toBe(3);
    await verify(b);
    expect(counts.verifications).toBe(4);
  });

  it('keys by the whole token: another token with the same claims is verified on its own, and a forged signature is refused', async () => {
    const { verify, counts } = setup();
    const claims = { iat: START / 1000, exp: START / 1000 + 600 };
    const [one, two] = [await sign(claims), await sign(claims)]; // ES256 signatures differ each time
    expect(one).not.toBe(two);
    const first = await verify(one);
    const second = await verify(two);
    expect(second.ok && first.ok && second.caller).not.toBe(callerOf(first));
    expect(counts.verifications).toBe(2);

    const [header, payload] = one.split('.');
    const forged = `${header}.${payload}.${two.split('.')[2]!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))}`;
    expect(await verify(forged)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('drops a token whose key was rotated out of the key set, and verifies afresh once the key set changes', async () => {
    const { verify, counts, replace } = setup();
    const token = await sign();
    await verify(token);

    replace({ keys: [{ ...publicJwk, kid: 'k2' }] }); // k1 rotated out
    expect(await verify(token)).toMatchObject({ ok: false, reason: 'unknown-key' });

    replace({ keys: [publicJwk] }); // the same key, loaded again: a new key object
    expect((await verify(token)).ok).toBe(true);
    expect(counts.verifications).toBe(3);
    expect((await verify(token)).ok).toBe(true);
    expect(counts.verifications).toBe(3);
  });

  it('never caches a refusal: a token refused for its claims is refused with the same reason every time', async () => {
    const { verify, counts } = setup();
    const token = await sign({ bureau: 'Tongnan' });
    expect(await verify(token)).toMatchObject({ ok: false, reason: 'bad-claim' });
    expect(await verify(token)).toMatchObject({ ok: false, reason: 'bad-claim' });
    expect(counts.verifications).toBe(2);
  });
});
