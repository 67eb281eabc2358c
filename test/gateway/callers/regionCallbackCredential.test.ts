/**
 * The gateway's own region token as a caller credential (the region calling back for bureau data on
 * behalf of the request it serves): accepted, as the caller it was signed for, however often within
 * its life; refused with 401 UNAUTHENTICATED when it is meant for a bureau, expired, signed by
 * another key, or otherwise not exactly what this gateway signs for the region. Real keys, real
 * signer, the real authenticator.
 */
import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCallerAuthenticator, type CallerAuthenticator } from '../../../gateway/callers/authenticateCaller.ts';
import { readCallerTokenConfig } from '../../../gateway/config/readCallerTokenConfig.ts';
import { createBureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { createRegionCallbackVerifier } from '../../../gateway/bureau-tokens/createRegionCallbackVerifier.ts';
import { GATEWAY_SERVICE_IDENTITY } from '../../../gateway/bureau-tokens/OutgoingIdentity.ts';
import { PUBLIC_CALLER } from '../../../gateway/request/Caller.ts';
import { GATEWAY_TOKEN_ISSUER } from '../../../schema/gateway-token/gatewayTokenRules.ts';
import { callerToken, testCallerIssuer } from '../../fixtures/callerTokens.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';
import { forgedTokens } from '../../schema/gateway-token/forgeTokens.ts';

const keys = testGatewayKeys();
const sign = createBureauTokenSigner(keys.privateJwk);
const officer = {
  role: 'authenticated' as const, subject: 'officer-17', bureau: '510900',
  scopes: new Set(['cases:read', 'cases:internal']), jurisdiction: new Set(['510900', '500152']),
};

/** A gateway with no caller issuer configured: the region's callbacks must work without one. */
const gatewayWithoutIssuer = () => createCallerAuthenticator(null, () => {}, createRegionCallbackVerifier(keys.privateJwk));

async function refusal(authenticate: CallerAuthenticator, token: string) {
  const error = await authenticate(`Bearer ${token}`).then(() => null, (e: unknown) => e as { extensions: Record<string, any> });
  expect(error, 'the token was accepted').not.toBeNull();
  expect(error!.extensions['code']).toBe('UNAUTHENTICATED');
  expect(error!.extensions['http'].status).toBe(401);
  expect(error!.extensions['http'].headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  return error!.extensions['reason'] as string;
}

describe('the region callback credential', () => {
  it('proves the caller the gateway signed the region token for, as often as the region calls back within its life', async () => {
    const authenticate = gatewayWithoutIssuer();
    const token = sign('region', officer);
    for (let i = 0; i < 3; i += 1) {
      expect(await authenticate(`Bearer ${token}`)).toEqual({ caller: officer, via: 'region-callback' });
    }
  });

  it('proves the public role for a public request, still marked as a callback', async () => {
    const authenticate = gatewayWithoutIssuer();
    expect(await authenticate(`Bearer ${sign('region', PUBLIC_CALLER)}`)).toEqual({ caller: PUBLIC_CALLER, via: 'region-callback' });
  });

  it.each(['500152', '510900'])('refuses a gateway token for the bureau audience %s (wrong-audience)', async (bureau) => {
    expect(await refusal(gatewayWithoutIssuer(), sign(bureau, officer))).toBe('wrong-audience');
  });

  it('with the served bureaus given, takes their audiences back too (incident recipients), and still refuses any other', async () => {
    const gateway = createCallerAuthenticator(null, () => {}, createRegionCallbackVerifier(keys.privateJwk, { bureaus: () => ['510900'] }));
    expect(await refusal(gateway, sign('500152', officer))).toBe('wrong-audience');
    expect(await gateway(`Bearer ${sign('510900', officer)}`)).toEqual({ caller: officer, via: 'region-callback' });
  });

  it('refuses an expired region token', async () => {
    const earlier = createBureauTokenSigner(keys.privateJwk, { now: () => Date.now() - 40_000 });
    expect(await refusal(gatewayWithoutIssuer(), earlier('region', officer))).toBe('expired');
  });

  it.each([
    ['another key', 'bad-signature'],
    ['alg none', 'algorithm-not-allowed'],
    ['HS256 with the public key', 'algorithm-not-allowed'],
    ['a lifetime over 60 s', 'lifetime-too-long'],
    ['another issuer', 'wrong-issuer'],
  ] as const)('refuses a region token with %s (%s)', async (kind, reason) => {
    expect(await refusal(gatewayWithoutIssuer(), (await forgedTokens('region', keys))[kind])).toBe(reason);
  });

  it("refuses a region token that speaks for the gateway's own checks: no caller to serve", async () => {
    expect(await refusal(gatewayWithoutIssuer(), sign('region', GATEWAY_SERVICE_IDENTITY))).toBe('bad-claim');
  });

  it('refuses a token dressed as the gateway\'s (its issuer) without the gateway token type', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: GATEWAY_TOKEN_ISSUER, aud: 'region', iat, exp: iat + 30, jti: randomUUID(), role: 'public', scope: '' })
      .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
      .sign(createPrivateKey({ key: keys.privateJwk, format: 'jwk' }));
    expect(await refusal(gatewayWithoutIssuer(), token)).toBe('wrong-type');
  });

  it('leaves callers\' own tokens to the caller issuer, and a gateway without the region verifier accepts no gateway token', async () => {
    const { gatewayEnv } = await testCallerIssuer();
    const config = readCallerTokenConfig(gatewayEnv, 'development', (m) => new Error(m));
    const withBoth = createCallerAuthenticator(config, () => {}, createRegionCallbackVerifier(keys.privateJwk));
    const own = await withBoth(`Bearer ${await callerToken({ sub: 'analyst-3', jurisdiction: ['510900'] })}`);
    expect(own).toMatchObject({ via: 'caller-token', caller: { role: 'authenticated', subject: 'analyst-3' } });
    expect(await withBoth(undefined)).toEqual({ caller: PUBLIC_CALLER, via: 'none' });
    // Without the region verifier a gateway token is only another token the caller issuer did not sign.
    expect(await refusal(createCallerAuthenticator(config, () => {}), sign('region', officer))).toBe('unknown-key');
  });
});
