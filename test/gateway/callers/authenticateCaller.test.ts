/**
 * The authenticator over a remote JWKS (a loopback server the test rotates keys on), with its
 * verified-token cache: a token whose key the issuer rotated out is refused as soon as the gateway
 * reloads the key set, exactly as without a cache. Only Date is faked (jose's key-set freshness and
 * the cache's clock both read it); the key set is really fetched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCallerAuthenticator } from '../../../gateway/callers/authenticateCaller.ts';
import type { CallerTokenConfig } from '../../../gateway/config/readCallerTokenConfig.ts';

interface Issued { readonly privateKey: CryptoKey; readonly jwk: JWK }

async function issuerKey(kid: string): Promise<Issued> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256' } };
}

const sign = (key: Issued, sub: string) =>
  new SignJWT({ iss: 'test-issuer', aud: 'test-gateway', sub, scope: 'cases:read', exp: Math.floor(Date.now() / 1000) + 3_600 })
    .setProtectedHeader({ alg: 'ES256', kid: key.jwk.kid! })
    .sign(key.privateKey);

let server: Server;
let served: JWK[] = [];
let fetches = 0;
let config: CallerTokenConfig;

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`);
  config = { keys: { kind: 'url', url }, issuer: 'test-issuer', audience: 'test-gateway', algorithms: ['ES256'], clockToleranceS: 0 };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.useRealTimers());

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e as { extensions: Record<string, unknown> });
  expect(error, 'the token was accepted').not.toBeNull();
  expect(error!.extensions['code']).toBe('UNAUTHENTICATED');
  return error!.extensions['reason'] as string;
}

describe('createCallerAuthenticator over a remote key set', () => {
  it('serves a cached token until the key set is reloaded without its key, then refuses it as unknown-key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const [k1, k2] = await Promise.all([issuerKey('k1'), issuerKey('k2')]);
    served = [k1.jwk];
    fetches = 0;
    const authenticate = createCallerAuthenticator(config, () => {});
    const old = `Bearer ${await sign(k1, 'officer-1')}`;

    const first = await authenticate(old);
    expect(first).toMatchObject({ via: 'caller-token', caller: { subject: 'officer-1' } });
    expect((await authenticate(old)).caller).toBe(first.caller); // from the cache
    expect(fetches).toBe(1);

    // The issuer rotates k1 out. The gateway learns it when a token with the new kid makes it reload
    // the set (not within 30 s of the last fetch: the cooldown against floods of forged kids).
    served = [k2.jwk];
    vi.setSystemTime(Date.now() + 31_000);
    expect(await authenticate(`Bearer ${await sign(k2, 'officer-2')}`)).toMatchObject({ caller: { subject: 'officer-2' } });
    expect(fetches).toBe(2);
    expect(await reasonOf(authenticate(old))).toBe('unknown-key');
  });

  it('drops every cached token when the key set is reloaded on its age, and keeps serving those whose key is still in it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await issuerKey('k1');
    served = [k1.jwk];
    fetches = 0;
    const authenticate = createCallerAuthenticator(config, () => {}, null, { maxTtlMs: 3_600_000 });
    const token = `Bearer ${await sign(k1, 'officer-1')}`;
    const first = await authenticate(token);

    vi.setSystemTime(Date.now() + 11 * 60_000); // past the set's 10 min cache age: reloaded on the next lookup
    const again = await authenticate(token);
    expect(fetches).toBe(2);
    expect(again.caller).not.toBe(first.caller); // verified afresh against the reloaded set
    expect(again.caller).toEqual(first.caller);
  });
});
