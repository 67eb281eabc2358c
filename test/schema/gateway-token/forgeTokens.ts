/**
 * Tokens a gateway would never send, for the refusal tests (in-process and over HTTP): each is
 * otherwise valid, so the refusal is for exactly the one thing wrong with it.
 */
import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { PUBLIC_CALLER } from '../../../gateway/request/Caller.ts';
import { createBureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { ensureGatewayKeyPair } from '../../../devtools/dev-keys/ensureGatewayKeyPair.ts';
import type { GatewayPrivateJwk, GatewayPublicJwk } from '../../../schema/gateway-token/gatewayJwkSchema.ts';
import { GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_TYPE } from '../../../schema/gateway-token/gatewayTokenRules.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function validClaims(audience: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  return { iss: GATEWAY_TOKEN_ISSUER, aud: audience, iat, exp: iat + 30, jti: randomUUID(), role: 'public', scope: '' };
}

/** A key pair the bureaus do not trust. */
export function foreignPrivateKey(): GatewayPrivateJwk {
  const dir = mkdtempSync(join(tmpdir(), 'ecograph-foreign-key-'));
  try {
    return JSON.parse(readFileSync(ensureGatewayKeyPair(dir).privateKeyPath, 'utf8')) as GatewayPrivateJwk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every kind of token a bureau must refuse, by name, for `audience`, given the key the bureaus
 * trust. Each call mints fresh tokens (fresh jti), except `replayed`, which the caller sends twice.
 */
export async function forgedTokens(audience: string, trusted: { privateJwk: GatewayPrivateJwk; publicJwk: GatewayPublicJwk }) {
  const now = Date.now();
  const spki = createPublicKey({ key: trusted.publicJwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' });
  return {
    malformed: 'not.a.token',
    expired: createBureauTokenSigner(trusted.privateJwk, { now: () => now - 120_000 })(audience, PUBLIC_CALLER),
    'another audience': createBureauTokenSigner(trusted.privateJwk)(audience === '510900' ? '500152' : '510900', PUBLIC_CALLER),
    'another key': createBureauTokenSigner(foreignPrivateKey())(audience, PUBLIC_CALLER),
    'alg none': `${b64({ alg: 'none', typ: GATEWAY_TOKEN_TYPE })}.${b64(validClaims(audience, now))}.`,
    // The classic key-confusion attack: HMAC "signed" with the (public) verification key as secret.
    'HS256 with the public key': await new SignJWT(validClaims(audience, now))
      .setProtectedHeader({ alg: 'HS256', typ: GATEWAY_TOKEN_TYPE, kid: trusted.publicJwk.kid })
      .sign(Buffer.from(spki)),
    'a lifetime over 60 s': createBureauTokenSigner(trusted.privateJwk, { lifetimeS: 120 })(audience, PUBLIC_CALLER),
    'another issuer': await new SignJWT({ ...validClaims(audience, now), iss: 'someone-else' })
      .setProtectedHeader({ alg: 'ES256', typ: GATEWAY_TOKEN_TYPE, kid: trusted.privateJwk.kid })
      .sign(createPrivateKey({ key: trusted.privateJwk, format: 'jwk' })),
  } as const;
}

/** Each forged token of forgedTokens and the reason a bureau must give when it refuses it. */
export const FORGED_TOKEN_REASONS = [
  ['malformed', 'malformed'],
  ['expired', 'expired'],
  ['another audience', 'wrong-audience'],
  ['another key', 'bad-signature'],
  ['alg none', 'algorithm-not-allowed'],
  ['HS256 with the public key', 'algorithm-not-allowed'],
  ['a lifetime over 60 s', 'lifetime-too-long'],
  ['another issuer', 'wrong-issuer'],
] as const satisfies ReadonlyArray<readonly [keyof Awaited<ReturnType<typeof forgedTokens>>, string]>;
