/**
 * Plausible values per HJ 212 factor code for the station simulator: a typical level, a spread and
 * the decimals the device writes (HJ 212-2017 Appendix B data formats). Levels are
 * in the units the seeded stations use (ambient gases in µg/m³, stacks in mg/m³; factorCatalogue.ts).
 */
const PROFILES: Readonly<Record<string, readonly [level: number, spread: number, decimals: number]>> = {
  // surface water (GB 3838 class II–III levels)
  w01010: [18, 6, 1], w01001: [7.6, 0.4, 2], w01009: [8, 1.5, 2], w01003: [25, 15, 1], w01014: [400, 80, 0],
  w01019: [3, 1, 2], w21003: [0.3, 0.2, 3], w21011: [0.08, 0.04, 3], w21001: [1.6, 0.5, 2],
  // ambient air (µg/m³; CO mg/m³)
  a34004: [35, 15, 0], a34002: [60, 20, 0], a21026: [9, 4, 0], a21004: [30, 10, 0], a21005: [0.8, 0.3, 1], a05024: [70, 30, 0],
  // waste water outlet
  w01018: [60, 20, 1], w00000: [20, 10, 2],
  // stack (mg/m³, m³/s)
  a21002: [80, 25, 1], a34013: [8, 3, 1], a00000: [60, 20, 1],
};
const STACK_SO2: readonly [number, number, number] = [35, 15, 1];
const DEFAULT: readonly [number, number, number] = [10, 5, 2];

/**
 * A value for `code` from a uniform draw `u` in [0, 1), written with the factor's decimals and never
 * negative. `stack` selects stack units where a code is shared with ambient air (SO2 a21026).
 */
export function simulatedFactorValue(code: string, u: number, stack = false): string {
  const [level, spread, decimals] = stack && code === 'a21026' ? STACK_SO2 : PROFILES[code] ?? DEFAULT;
  return Math.max(0, level + (u * 2 - 1) * spread).toFixed(decimals);
}
