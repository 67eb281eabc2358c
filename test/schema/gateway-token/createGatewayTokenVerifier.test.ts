/**
 * The bureaus' verification of gateway tokens, in process: the gateway's own signer passes, and
 * each forged or misused token is refused for its own reason.
 */
import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createBureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { GATEWAY_SERVICE_IDENTITY } from '../../../gateway/bureau-tokens/OutgoingIdentity.ts';
import { createGatewayTokenVerifier } from '../../../schema/gateway-token/createGatewayTokenVerifier.ts';
import { GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_TYPE } from '../../../schema/gateway-token/gatewayTokenRules.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';
import { FORGED_TOKEN_REASONS, forgedTokens } from './forgeTokens.ts';

const keys = testGatewayKeys();
const officer = {
  role: 'authenticated' as const, subject: 'u-17', bureau: '510900',
  scopes: new Set(['cases:read', 'cases:internal']), jurisdiction: new Set(['510900', '500152']),
};

describe('createGatewayTokenVerifier', () => {
  it("accepts the gateway's token and hands over the caller it speaks for", async () => {
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: '510900' });
    const check = await verifier.verify(createBureauTokenSigner(keys.privateJwk)('510900', officer));
    expect(check).toEqual({ ok: true, caller: officer });
  });

  it("accepts the gateway's own service identity and the public role", async () => {
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: 'region' });
    const sign = createBureauTokenSigner(keys.privateJwk);
    expect(await verifier.verify(sign('region', GATEWAY_SERVICE_IDENTITY))).toMatchObject({ ok: true, caller: { role: 'gateway', bureau: null } });
    const publicCheck = await verifier.verify(sign('region', { ...officer, role: 'public', subject: null, bureau: null, scopes: new Set(), jurisdiction: null }));
    expect(publicCheck).toMatchObject({ ok: true, caller: { role: 'public', subject: null, bureau: null, jurisdiction: null } });
  });

  it.each(FORGED_TOKEN_REASONS)('refuses a token with %s (%s)', async (kind, reason) => {
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: '510900' });
    const token = (await forgedTokens('510900', keys))[kind];
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason });
  });

  it('refuses a token the second time it is sent, and keeps a seen id only while the token could pass', async () => {
    let now = Date.now();
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: '510900', now: () => now });
    const sign = createBureauTokenSigner(keys.privateJwk, { now: () => now });
    const token = sign('510900', officer);
    expect(await verifier.verify(token)).toMatchObject({ ok: true });
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'replayed' });
    // Two minutes on, the replay is refused as expired, and verifying another token forgot the old id.
    now += 120_000;
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifier.verify(sign('510900', officer))).toMatchObject({ ok: true });
  });

  it('with refuseReplays off (the gateway taking back its region tokens) accepts a token again, but never once expired', async () => {
    let now = Date.now();
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: 'region', now: () => now, refuseReplays: false });
    const token = createBureauTokenSigner(keys.privateJwk, { now: () => now })('region', officer);
    expect(await verifier.verify(token)).toMatchObject({ ok: true });
    expect(await verifier.verify(token)).toMatchObject({ ok: true });
    now += 36_000; // 30 s life + 5 s skew, and a second more
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token issued in the future beyond the allowed skew', async () => {
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: '510900' });
    const later = createBureauTokenSigner(keys.privateJwk, { now: () => Date.now() + 20_000 });
    expect(await verifier.verify(later('510900', officer))).toMatchObject({ ok: false, reason: 'issued-in-future' });
  });

  it.each([
    ['an unknown role', { role: 'admin' }],
    ['a jurisdiction that is not a list', { jurisdiction: '510900' }],
    ['a public caller naming a bureau', { role: 'public', bureau: '510900' }],
    ['no scope claim', { scope: undefined }],
  ])('refuses a signed token with %s', async (_what, change) => {
    const verifier = createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience: '510900' });
    const iat = Math.floor(Date.now() / 1000);
    const claims = { iss: GATEWAY_TOKEN_ISSUER, aud: '510900', iat, exp: iat + 30, jti: randomUUID(), role: 'authenticated', scope: '', ...change };
    const token = await new SignJWT(JSON.parse(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'ES256', typ: GATEWAY_TOKEN_TYPE, kid: keys.privateJwk.kid })
      .sign(createPrivateKey({ key: keys.privateJwk, format: 'jwk' }));
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'bad-claim' });
  });
});
