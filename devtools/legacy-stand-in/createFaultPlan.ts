import { createRng } from '../demo-world/createRng.ts';

/** How one request goes wrong, if it does. */
export type Fault = 'none' | 'http-500' | 'code-500' | 'drop';

export interface FaultOptions {
  /** Share of requests that fail, 0–1, split evenly between the three kinds. @default 0 */
  readonly rate?: number;
  /** Extra time before each answer, uniform in [min, max] ms. @default 20–60 ms */
  readonly latencyMs?: { readonly min: number; readonly max: number };
  /** Seed of the fault and latency draws, so a run can be repeated. @default a random seed */
  readonly seed?: string;
}

export interface FaultPlan {
  next(): { readonly fault: Fault; readonly delayMs: number };
}

/** Draws, per request, whether it fails and how long it takes, the way the real system misbehaved. */
export function createFaultPlan({ rate = 0, latencyMs = { min: 20, max: 60 }, seed }: FaultOptions): FaultPlan {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`fault rate must be in [0, 1], got ${rate}`);
  if (!(latencyMs.min >= 0 && latencyMs.max >= latencyMs.min)) throw new RangeError('latency needs 0 ≤ min ≤ max');
  const rng = createRng(seed ?? `legacy-faults/${Math.random()}`);
  const kinds: readonly Fault[] = ['http-500', 'code-500', 'drop'];
  return {
    next() {
      const fault = rng.chance(rate) ? rng.pick(kinds) : 'none';
      return { fault, delayMs: Math.round(rng.float(latencyMs.min, latencyMs.max)) };
    },
  };
}
