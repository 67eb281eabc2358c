/**
 * The gateway's token, read the way a partner bureau would read it: with jose and the public key
 * only (README, "How a partner bureau verifies gateway tokens").
 */
import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER } from '../../../gateway/request/Caller.ts';
import { createBureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';

const keys = testGatewayKeys();
const publicKey = createPublicKey({ key: keys.publicJwk, format: 'jwk' });
const verify = (token: string, audience: string) =>
  jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: 'ecograph-gateway', audience, typ: 'gateway+jwt' });

describe('createBureauTokenSigner', () => {
  it("signs for one audience, 30 s, with the caller's identity claims", async () => {
    const sign = createBureauTokenSigner(keys.privateJwk);
    const caller = { role: 'authenticated' as const, subject: 'u-1', bureau: '500152', scopes: new Set(['cases:read', 'cases:internal']), jurisdiction: new Set(['500152']) };
    const token = sign('500152', caller);
    const { payload } = await verify(token, '500152');
    expect(payload).toMatchObject({ iss: 'ecograph-gateway', aud: '500152', role: 'authenticated', sub: 'u-1', bureau: '500152', scope: 'cases:read cases:internal', jurisdiction: ['500152'] });
    expect(payload.exp! - payload.iat!).toBe(30);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: keys.publicJwk.kid, typ: 'gateway+jwt' });
    await expect(verify(token, '510900')).rejects.toThrow(/aud/);
  });

  it('leaves sub, bureau and jurisdiction out for the public role', async () => {
    const { payload } = await verify(createBureauTokenSigner(keys.privateJwk)('region', PUBLIC_CALLER), 'region');
    expect(payload).not.toHaveProperty('sub');
    expect(payload).not.toHaveProperty('bureau');
    expect(payload).not.toHaveProperty('jurisdiction');
    expect(payload).toMatchObject({ role: 'public', scope: '' });
  });

  it('writes the claims as JSON.stringify of the claims object, in its key order, for a reused identity too', async () => {
    const at = Date.now();
    const iat = Math.floor(at / 1000);
    const sign = createBureauTokenSigner(keys.privateJwk, { now: () => at });
    const caller = Object.freeze({ role: 'authenticated' as const, subject: 'u-1', bureau: '500152', scopes: new Set(['cases:read']), jurisdiction: new Set(['500152', '500000']) });
    for (const audience of ['500152', '500000', '500152']) {
      const token = sign(audience, caller);
      const json = Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8');
      const { jti } = JSON.parse(json) as { jti: string };
      expect(json).toBe(JSON.stringify({
        iss: 'ecograph-gateway', aud: audience, iat, exp: iat + 30, jti,
        role: 'authenticated', sub: 'u-1', bureau: '500152', scope: 'cases:read', jurisdiction: ['500152', '500000'],
      }));
      await expect(verify(token, audience)).resolves.toBeDefined();
    }
  });

  it('gives every token its own jti', async () => {
    const sign = createBureauTokenSigner(keys.privateJwk);
    const ids = new Set<unknown>();
    for (let i = 0; i < 200; i++) ids.add((await verify(sign('500152', PUBLIC_CALLER), '500152')).payload.jti);
    expect(ids.size).toBe(200);
  });
});
