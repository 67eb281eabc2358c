/**
 * Takes the ES256 signature off the request's path for a caller who keeps asking: after a caller's
 * second request to a bureau within FRESH_MS, the next token for that (caller, bureau) is signed as
 * soon as the event loop is free — while the fan-out waits for its bureaus — and the request after
 * takes it. A fan-out signs once per bureau, one after another before the last request can go
 * (~25 µs each on a warm core, 70 µs after an idle pause: issue 13's six-bureau profile), so this is
 * what stands between the sixth bureau's request and the first's.
 *
 * Every guarantee of the token stays: each token is still used once (taken from its slot before it
 * is sent, fresh `jti`), it speaks only for the identity it was signed for, and it is used only while
 * it has at least 25 of its 30 s of life left. It does not sign less: one token
 * ahead per (caller, bureau) that keeps asking, and at most one wasted when the caller stops.
 */
import type { BureauTokenSigner } from './createBureauTokenSigner.ts';
import type { OutgoingIdentity } from './OutgoingIdentity.ts';

/**
 * How old a token signed ahead may be when it is used; older, it is dropped and one is signed now.
 * Well inside the gateway's 30 s token lifetime (GATEWAY_TOKEN_LIFETIME_S).
 */
export const FRESH_MS = 5_000;

export interface SignAheadOptions {
  /** For tests: epoch ms. */
  readonly now?: () => number;
  /** When the next token is signed. @default setImmediate (after the I/O the loop has ready) */
  readonly later?: (work: () => void) => void;
}

interface Slot {
  token: string | null;
  signedAt: number;
  lastAskedAt: number;
  pending: boolean;
}

export function signAhead(sign: BureauTokenSigner, options: SignAheadOptions = {}): BureauTokenSigner {
  const { now = Date.now, later = (work) => void setImmediate(work) } = options;
  // By identity, weakly: identities are frozen and reused per verified caller token, and go with it.
  const slots = new WeakMap<OutgoingIdentity, Map<string, Slot>>();

  return (audience, identity) => {
    // An identity that is not frozen could change after a token was signed for it.
    if (!Object.isFrozen(identity)) return sign(audience, identity);
    let byAudience = slots.get(identity);
    if (byAudience === undefined) slots.set(identity, byAudience = new Map());
    const at = now();
    const slot = byAudience.get(audience);
    if (slot === undefined) {
      byAudience.set(audience, { token: null, signedAt: 0, lastAskedAt: at, pending: false });
      return sign(audience, identity);
    }
    let token = slot.token;
    slot.token = null; // taken: a token is never handed out twice
    if (token === null || at - slot.signedAt > FRESH_MS) token = sign(audience, identity);
    // Only for a caller who asked again soon: one who asks once signs nothing extra.
    if (at - slot.lastAskedAt <= FRESH_MS && !slot.pending) {
      slot.pending = true;
      later(() => {
        slot.pending = false;
        if (slot.token !== null) return;
        try {
          slot.signedAt = now();
          slot.token = sign(audience, identity);
        } catch {
          // Nothing to lose: the next request signs its own token, and fails there if signing does.
        }
      });
    }
    slot.lastAskedAt = at;
    return token;
  };
}
