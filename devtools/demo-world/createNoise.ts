/**
 * Stateless noise for time series: every value is a pure function of (seed, channel, index), so a
 * station's reading at a given hour is the same whichever window it is generated in, and a window
 * can be produced lazily without replaying the series from its start.
 */
import { hashString } from './createRng.ts';

export interface Noise {
  /** Uniform in [0, 1) for (channel, index). */
  uniform(channel: number, index: number): number;
  /** Standard normal for (channel, index). */
  gauss(channel: number, index: number): number;
  /**
   * Smooth standard-normal-ish noise over a continuous x: normal values at knots every `period`
   * units, joined by smoothstep, so neighbouring hours are correlated (weather, episodes).
   */
  smooth(channel: number, x: number, period: number): number;
}

/** MurmurHash3's 32-bit finaliser: full avalanche of a 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createNoise(seed: string): Noise {
  const base = hashString(seed)[0];
  const hash = (channel: number, index: number): number =>
    fmix32(fmix32(base ^ Math.imul(channel + 1, 0x9e3779b1)) ^ Math.imul(index | 0, 0x85ebca77));

  const uniform = (channel: number, index: number): number => hash(channel, index) / 4294967296;
  const gauss = (channel: number, index: number): number => {
    const u1 = (hash(channel, index) + 1) / 4294967297;
    const u2 = hash(channel ^ 0x5bd1e995, index) / 4294967296;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  return {
    uniform,
    gauss,
    smooth(channel, x, period) {
      const k = Math.floor(x / period);
      const f = x / period - k;
      const s = f * f * (3 - 2 * f);
      // Interpolating two independent normals shrinks the variance mid-way; 1.25 roughly restores it.
      return 1.25 * (gauss(channel, k) * (1 - s) + gauss(channel, k + 1) * s);
    },
  };
}
