/**
 * ⌈(yHi − yLo)/(xHi − xLo) · (x − xLo) + yLo⌉ computed exactly: HJ 633-2012 §6.1's IAQI formula
 * rounded up as §6.2 says (进位取整). Each number is taken as the shortest decimal that reads back
 * as the same double (what `String(x)` prints: "35.0008" for a device's 35.0008), scaled to a common
 * power of ten and carried through in BigInt, so the ceiling sees the exact rational value of those
 * decimals. It is exact for every value a device sends (HJ 212 decimals, up to 3–4 places in
 * practice, any number of places in fact) and for the 12-significant-digit means the kit forms.
 * Rounding the float result to 12 significant digits first (the earlier rule) was only right while
 * the result's fractional part stayed above ~1e-12 of its size: PM2.5 24 h 35.00000000001 µg/m³ is
 * IAQI 50.0000000000125, which must round up to 51, not 50.
 */

interface ScaledDecimal {
  readonly digits: bigint;
  /** value = digits / 10^scale. */
  readonly scale: number;
}

function scaledDecimal(value: number): ScaledDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function atScale({ digits, scale }: ScaledDecimal, target: number): bigint {
  return digits * 10n ** BigInt(target - scale);
}

/** ⌈n / d⌉ for d > 0. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

export function ceilInterpolated(x: number, xLo: number, xHi: number, yLo: number, yHi: number): number {
  const parts = [x, xLo, xHi, yLo, yHi].map(scaledDecimal);
  const scale = Math.max(...parts.map((p) => p.scale));
  const [X, XL, XH, YL, YH] = parts.map((p) => atScale(p, scale)) as [bigint, bigint, bigint, bigint, bigint];
  const span = XH - XL;
  if (span <= 0n) throw new RangeError(`empty interval [${xLo}, ${xHi}]`);
  // y·10^s = ((YH − YL)(X − XL) + YL·span) / span, and y = that / 10^s.
  return Number(ceilDiv((YH - YL) * (X - XL) + YL * span, span * 10n ** BigInt(scale)));
}
