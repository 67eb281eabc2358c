/**
 * Caller authentication at the live gateway: every forged or unfit bearer token is refused with
 * HTTP 401, `WWW-Authenticate: Bearer error="invalid_token"` and UNAUTHENTICATED, without echoing the
 * token; a valid one is served; no token is the public role; a production gateway without an issuer
 * does not start. The tokens are made with the test run's development issuer key (or forged around it).
 */
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken, testCallerIssuer } from '../../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';
import { startGatewayProcess } from '../../fixtures/gatewayProcess.ts';

let federation: GatewayFederation;
const sent: string[] = [];

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: ['500152'] });
});

afterAll(async () => {
  await federation?.stop();
});

async function post(authorization: string | null, query = '{ stations(first: 1) { totalCount } }') {
  const res = await fetch(federation.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, wwwAuthenticate: res.headers.get('www-authenticate'), text: await res.text() };
}

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signed with the issuer's real key (so only the named defect is wrong). */
async function withIssuerKey(claims: JWTPayload, header: Record<string, unknown> = {}) {
  const { privateJwk } = await testCallerIssuer();
  const key = await importJWK(privateJwk, 'ES256');
  return new SignJWT({ iss: 'ecograph-dev', aud: 'ecograph-gateway', sub: 'forger', exp: now() + 600, scope: 'cases:read', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, ...header } as { alg: string })
    .sign(key);
}

const FORGED: Array<[string, () => Promise<string>, string]> = [
  ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'ecograph-dev', aud: 'ecograph-gateway', sub: 'x', exp: now() + 600, scope: 'cases:read' })}.`, 'algorithm-not-allowed'],
  ['HS256 signed with the public key', async () => {
    const { publicJwk, privateJwk } = await testCallerIssuer();
    const pem = await exportSPKI((await importJWK(publicJwk, 'ES256')) as CryptoKey);
    return new SignJWT({ iss: 'ecograph-dev', aud: 'ecograph-gateway', sub: 'x', exp: now() + 600, scope: 'cases:read' })
      .setProtectedHeader({ alg: 'HS256', kid: privateJwk.kid! })
      .sign(new TextEncoder().encode(pem));
  }, 'algorithm-not-allowed'],
  ['expired', () => withIssuerKey({ exp: now() - 3_600 }), 'expired'],
  ['not yet valid', () => withIssuerKey({ nbf: now() + 3_600 }), 'not-yet-valid'],
  ['wrong audience', () => withIssuerKey({ aud: 'another-gateway' }), 'wrong-audience'],
  ['wrong issuer', () => withIssuerKey({ iss: 'someone-else' }), 'wrong-issuer'],
  ['unknown key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ iss: 'ecograph-dev', aud: 'ecograph-gateway', sub: 'x', exp: now() + 600 })
      .setProtectedHeader({ alg: 'ES256', kid: 'not-the-issuers' })
      .sign(privateKey);
  }, 'unknown-key'],
  ['a tampered payload', async () => {
    const [header, , signature] = (await withIssuerKey({})).split('.');
    return `${header}.${b64({ iss: 'ecograph-dev', aud: 'ecograph-gateway', sub: 'x', exp: now() + 600, scope: 'cases:internal' })}.${signature}`;
  }, 'bad-signature'],
];

describe('caller authentication at the gateway', () => {
  for (const [name, forge, reason] of FORGED) {
    it(`refuses ${name} with 401 UNAUTHENTICATED (${reason}), never echoing the token`, async () => {
      const token = await forge();
      sent.push(token);
      const answer = await post(`Bearer ${token}`, '{ enforcementCases(first: 1) { totalCount } }');
      expect(answer.status).toBe(401);
      expect(answer.wwwAuthenticate).toBe('Bearer error="invalid_token"');
      const body = JSON.parse(answer.text) as { data?: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
      expect(answer.text).not.toContain(token.split('.')[1]!);
    });
  }

  it('refuses an Authorization header that is not a bearer token', async () => {
    const answer = await post('Basic dXNlcjpwYXNz');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'malformed' });
  });

  it('serves a valid token its scopes, and no token the public role', async () => {
    const token = await callerToken({ bureau: '500152', scope: 'cases:read' });
    sent.push(token);
    const signedIn = await post(`bearer ${token}`, '{ enforcementCases(first: 1) { totalCount } }');
    expect(signedIn.status).toBe(200);
    expect(JSON.parse(signedIn.text).data.enforcementCases.totalCount).toBeGreaterThan(0);
    const anonymous = await post(null, '{ enforcementCases(first: 1) { totalCount } }');
    expect(anonymous.status).toBe(200);
    expect(JSON.parse(anonymous.text)).toMatchObject({ data: { enforcementCases: null }, errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'not-authenticated' } }] });
  });

  it('logs the refusal reason, never a token', async () => {
    const output = await federation.gateway.settledOutput();
    expect(federation.gateway.logs().some((l) => l['msg'] === 'caller token refused' && l['reason'] === 'expired')).toBe(true);
    for (const token of sent) {
      for (const part of token.split('.').filter((p) => p.length > 0)) expect(output.includes(part), 'part of a token is in the log').toBe(false);
    }
  });

  it('does not start in production mode without an issuer, naming the missing keys', async () => {
    const started = startGatewayProcess(federation.registry, {
      env: { ECOGRAPH_MODE: 'production', ECOGRAPH_JWKS: '', ECOGRAPH_JWT_ISSUER: '', ECOGRAPH_JWT_AUDIENCE: '' },
    });
    await expect(started).rejects.toThrow(/ECOGRAPH_JWKS.*ECOGRAPH_JWT_ISSUER, ECOGRAPH_JWT_AUDIENCE.*production mode/);
  });
});
