/** What every cooperation write carries and answers (CooperationStore.ts, JointEnforcementStore.ts). */
import type { CityCode, EpochMs } from '../model.ts';

export interface Actor {
  readonly sub: string;
  readonly bureau: CityCode;
}

/** What every write carries: its idempotency key and fingerprint, who, when, which request. */
export interface WriteMeta {
  readonly idempotencyKey: string;
  /** SHA-256 of the operation and its canonical input (computeFingerprint). */
  readonly fingerprint: string;
  readonly actor: Actor;
  readonly requestId: string;
  readonly now: EpochMs;
}

/** A write's result: the record's global id, and whether it was a retry answered from the key. */
export interface WriteResult {
  readonly id: string;
  readonly replayed: boolean;
}
