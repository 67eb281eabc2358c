/**
 * Tokens signed ahead, checked by a bureau's own verifier (replays refused): a caller who keeps
 * asking gets a token signed before the request, and nothing a bureau checks is weakened.
 */
import { describe, expect, it } from 'vitest';
import { createBureauTokenSigner, type BureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import { FRESH_MS, signAhead } from '../../../gateway/bureau-tokens/signAhead.ts';
import type { OutgoingIdentity } from '../../../gateway/bureau-tokens/OutgoingIdentity.ts';
import { createGatewayTokenVerifier } from '../../../schema/gateway-token/createGatewayTokenVerifier.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';

const keys = testGatewayKeys();
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const caller = (subject: string): OutgoingIdentity => Object.freeze({
  role: 'authenticated' as const, subject, bureau: '500152', scopes: new Set(['cases:read']), jurisdiction: new Set(['500152']),
});

/** A real signer that tells which tokens it signed while no request was being served. */
function setUp() {
  let clock = Date.parse('2026-12-07T08:00:00Z');
  const queued: (() => void)[] = [];
  const signedAhead = new Set<string>();
  let ahead = false;
  const real = createBureauTokenSigner(keys.privateJwk, { now: () => clock });
  const counting: BureauTokenSigner = (audience, identity) => {
    const token = real(audience, identity);
    if (ahead) signedAhead.add(token);
    return token;
  };
  const sign = signAhead(counting, { now: () => clock, later: (work) => queued.push(work) });
  return {
    sign,
    signedAhead,
    /** Runs what was left for the idle loop, as setImmediate would. */
    idle: () => {
      ahead = true;
      for (const work of queued.splice(0)) work();
      ahead = false;
    },
    advance: (ms: number) => { clock += ms; },
    verifier: (audience: string) => createGatewayTokenVerifier({ publicKey: keys.publicJwk, audience, now: () => clock }),
  };
}

describe('signAhead', () => {
  it('hands a caller who asks again a token signed while the gateway was idle, each accepted once by the bureau', async () => {
    const t = setUp();
    const bureau = t.verifier('500152');
    const user = caller('u-1');
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      tokens.push(t.sign('500152', user));
      t.idle();
      t.advance(100);
    }
    // The first two are signed on the request; from the third on, each was signed ahead.
    expect(tokens.map((token) => t.signedAhead.has(token))).toEqual([false, false, true, true, true]);
    for (const token of tokens) expect(await bureau.verify(token)).toMatchObject({ ok: true });
    for (const token of tokens) expect(await bureau.verify(token)).toMatchObject({ ok: false, reason: 'replayed' });
    expect(new Set(tokens.map((token) => claimsOf(token)['jti'])).size).toBe(5);
  });

  it('never gives a token signed for one caller or bureau to another', async () => {
    const t = setUp();
    const [alice, bob] = [caller('alice'), caller('bob')];
    for (let i = 0; i < 3; i++) {
      for (const who of [alice, bob]) for (const audience of ['500152', '510900']) t.sign(audience, who);
      t.idle();
    }
    for (const [who, subject] of [[alice, 'alice'], [bob, 'bob']] as const) {
      for (const audience of ['500152', '510900']) {
        const token = t.sign(audience, who);
        expect(t.signedAhead.has(token)).toBe(true);
        expect(claimsOf(token)).toMatchObject({ sub: subject, aud: audience });
        expect(await t.verifier(audience).verify(token)).toMatchObject({ ok: true });
      }
    }
  });

  it(`drops a token signed more than ${FRESH_MS / 1000} s before it would be used, and signs a fresh one`, async () => {
    const t = setUp();
    const user = caller('u-1');
    t.sign('500152', user);
    t.sign('500152', user);
    t.idle(); // one token waits
    t.advance(FRESH_MS + 1);
    const token = t.sign('500152', user);
    expect(t.signedAhead.has(token)).toBe(false);
    const claims = claimsOf(token);
    expect((claims['exp'] as number) * 1000 - Date.parse('2026-12-07T08:00:00Z')).toBeGreaterThan(30_000);
    expect(await t.verifier('500152').verify(token)).toMatchObject({ ok: true });
  });

  it('signs nothing extra for a caller who asks once, or asks again only after a pause', () => {
    const t = setUp();
    const user = caller('u-1');
    t.sign('500152', user);
    t.idle();
    t.advance(FRESH_MS + 1);
    t.sign('500152', user);
    t.idle();
    expect(t.signedAhead.size).toBe(0);
  });

  it('signs on the request for an identity that is not frozen (it could change after signing)', () => {
    const t = setUp();
    const mutable: OutgoingIdentity = { role: 'public', subject: null, bureau: null, scopes: new Set(), jurisdiction: null };
    for (let i = 0; i < 3; i++) {
      t.sign('500152', mutable);
      t.idle();
    }
    expect(t.signedAhead.size).toBe(0);
  });

  it('keeps one token ahead however many requests of one caller are in flight at once', () => {
    const t = setUp();
    const user = caller('u-1');
    t.sign('500152', user);
    for (let i = 0; i < 10; i++) t.sign('500152', user); // ten concurrent requests: one refill queued
    t.idle();
    expect(t.signedAhead.size).toBe(1);
  });
});
