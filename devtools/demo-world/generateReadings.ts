/**
 * Lazily generated HJ 212 readings of one station. Each value is a pure function of the station's
 * profile and the time (see createNoise), so any window — the last 24 hours or a January week —
 * gives the same values for the same hours. Patterns: seasonal water temperature with DO following
 * the saturation curve; PM2.5 highest in winter and at night and morning, O3 highest on summer
 * afternoons; rush-hour NO2; production shifts at sources; multi-day weather episodes; ~0.5 % of
 * values flagged other than N (HJ 212-2017 §6.6.4), some with no value; and rare gaps of a few hours.
 */
import type { DataFlag, EpochMs, ReadingInterval, ReadingRecord, ReadingValueRecord, StationRecord } from '../../subgraphs/kit/model.ts';
import { createNoise, type Noise } from './createNoise.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, cstDayOfYear, cstHourOfDay } from './cstTime.ts';
import { defaultReadingProfile, type ReadingProfile } from './readingProfiles.ts';

export interface ReadingsWindowOptions {
  /** First time, inclusive. */
  readonly from: EpochMs;
  /** Last time, inclusive. */
  readonly until: EpochMs;
}

/** The CST grid step of each data type. */
export const STEP_MS: Readonly<Record<ReadingInterval, number>> = {
  REALTIME: MINUTE_MS,
  MINUTE: MINUTE_MS,
  HOURLY: HOUR_MS,
  FOUR_HOURLY: 4 * HOUR_MS,
  DAILY: DAY_MS,
};
export const CST_OFFSET_MS = 8 * HOUR_MS;

/** Decimals as the HJ 212 data formats and the bulletins print them. */
const DECIMALS: Readonly<Record<string, number>> = {
  w01010: 1, w01001: 2, w01009: 2, w01003: 1, w01014: 0, w01019: 1, w21003: 3, w21011: 3, w21001: 2,
  a34004: 0, a34002: 0, a21026: 0, a21004: 0, a21005: 1, a05024: 0,
  w01018: 1, w00000: 2, a21002: 1, a34013: 1, a00000: 1,
};
/** Source stacks report to 1 decimal and outlets' NH3-N/TP to 2, unlike ambient stations. */
const SOURCE_DECIMALS: Readonly<Record<string, number>> = { a21026: 1, w21003: 2, w21011: 2 };

const DEFAULT_BASELINE: Readonly<Record<string, number>> = {
  w01010: 0, w01001: 7.8, w01003: 25, w01014: 380, w01019: 2.7, w21003: 0.3, w21011: 0.08, w21001: 1.6,
  a34004: 35, a21026: 9, a21004: 28, a21005: 0.75,
  w01018: 40, w00000: 20, a21002: 90, a34013: 8, a00000: 60,
};

const FLAGS: ReadonlyArray<readonly [DataFlag, number]> = [['D', 25], ['C', 20], ['M', 20], ['B', 15], ['F', 10], ['T', 5], ['S', 5]];
const FLAG_TOTAL = FLAGS.reduce((sum, [, w]) => sum + w, 0);
const FLAG_RATE = 0.005;
const GAP_RATE = 0.004;
const GAP_HOURS = 6;
// Noise channels: per factor index i, channel = 16·i + purpose; global purposes above 1000.
const CH_GAP = 1001;
const CH_SEASONAL = 1002;

interface Moment {
  readonly hour: number;      // hours since the epoch
  readonly hod: number;       // CST hour of day
  readonly winter: number;    // +1 mid-January … −1 mid-July
  readonly time: EpochMs;
}

function waterTemperature(n: Noise, m: Moment, offset: number): number {
  return 18.5 + offset - 8.5 * m.winter + 0.8 * Math.sin((2 * Math.PI * (m.hod - 10)) / 24) + 0.6 * n.smooth(CH_SEASONAL, m.hour, 72);
}

/** DO saturation (mg/L) at temperature T °C, fresh water at sea level (APHA polynomial). */
function oxygenSaturation(t: number): number {
  return 14.62 - 0.3898 * t + 0.006969 * t * t - 0.00005897 * t * t * t;
}

function episodeFactor(profile: ReadingProfile, code: string, time: EpochMs): number {
  let factor = 1;
  for (const e of profile.episodes) {
    if (e.code !== code || time < e.from || time > e.until) continue;
    // Ramp over two days at either end, as a pollution episode builds up and clears.
    const ramp = Math.min(1, (time - e.from) / (2 * DAY_MS), (e.until - time) / (2 * DAY_MS));
    factor *= 1 + (e.factor - 1) * ramp;
  }
  return factor;
}

/** The true value of factor `code` (index i) at moment m, before flags and rounding. */
function modelValue(code: string, i: number, n: Noise, m: Moment, p: ReadingProfile, base: number, source: boolean): number {
  const ch = 16 * i;
  const g = n.gauss(ch, m.hour);
  const slow = n.smooth(ch + 1, m.hour, 96);
  const summer = Math.max(0, -m.winter);
  const load = p.dayShift ? (m.hod >= 8 && m.hod < 20 ? 1 : 0.25) : 1 + 0.1 * Math.sin((2 * Math.PI * (m.hod - 14)) / 24);
  const spike = source && n.uniform(ch + 2, m.hour) < 0.002 ? 2.5 + 1.5 * n.uniform(ch + 3, m.hour) : 1;
  const ep = episodeFactor(p, code, m.time);
  switch (code) {
    case 'w01010': return waterTemperature(n, m, base);
    case 'w01001': return source ? base + 0.3 * slow + 0.05 * g : base + 0.12 * Math.sin((2 * Math.PI * (m.hod - 9)) / 24) + 0.08 * slow + 0.03 * g;
    case 'w01009': {
      const t = waterTemperature(n, m, p.baseline['w01010'] ?? 0);
      return oxygenSaturation(t) * (0.86 + 0.05 * Math.sin((2 * Math.PI * (m.hod - 9)) / 24) + 0.02 * slow) + 0.15 * g;
    }
    case 'w01003': return base * (1 + 0.5 * summer) * Math.exp(0.55 * n.smooth(ch + 4, m.hour, 48) + 0.12 * g);
    case 'w01014': return base * (1 + 0.06 * m.winter) + 12 * slow + 4 * g;
    case 'w01019': return base * (1 + 0.15 * summer) * Math.exp(0.18 * slow + 0.07 * g) * ep;
    case 'w21003': return source ? base * Math.exp(0.25 * n.smooth(ch + 4, m.hour, 24) + 0.1 * g) * spike : base * (1 + 0.25 * m.winter) * Math.exp(0.35 * slow + 0.12 * g) * ep;
    case 'w21011': return source ? base * Math.exp(0.25 * n.smooth(ch + 4, m.hour, 24) + 0.1 * g) * spike : base * (1 + 0.2 * summer) * Math.exp(0.3 * slow + 0.1 * g) * ep;
    case 'w21001': return base * (1 + 0.15 * m.winter) * Math.exp(0.2 * slow + 0.06 * g);
    case 'a34004': return pm25(n, m, base);
    case 'a34002': return pm25(n, m, p.baseline['a34004'] ?? DEFAULT_BASELINE['a34004'] ?? 35) * (1.5 + 0.15 * n.smooth(ch + 4, m.hour, 48)) + 6 * Math.abs(g);
    case 'a21026': return source ? base * Math.exp(0.25 * n.smooth(ch + 4, m.hour, 24) + 0.1 * g) * spike : base * (1 + 0.3 * m.winter) * Math.exp(0.3 * slow + 0.15 * g);
    case 'a21004': {
      const rush = 0.8 + 0.35 * Math.exp(-((m.hod - 8.5) ** 2) / 3) + 0.45 * Math.exp(-((m.hod - 20) ** 2) / 6);
      return base * (1 + 0.2 * m.winter) * rush * Math.exp(0.3 * slow + 0.12 * g);
    }
    case 'a21005': return base * (1 + 0.3 * m.winter) * Math.exp(0.25 * slow + 0.1 * g);
    case 'a05024': {
      const warmth = (1 - m.winter) / 2; // 0 in January, 1 in July
      const daylight = Math.max(0, Math.sin((Math.PI * (m.hod - 8)) / 12)) ** 1.3; // peaks at 14:00
      return (18 + 14 * warmth + (35 + 110 * warmth) * daylight) * Math.exp(0.25 * slow + 0.1 * g);
    }
    case 'w01018': case 'a21002': case 'a34013':
      return base * Math.exp(0.25 * n.smooth(ch + 4, m.hour, 24) + 0.1 * g) * spike;
    case 'w00000': case 'a00000': return base * load * Math.exp(0.15 * n.smooth(ch + 4, m.hour, 24) + 0.08 * g);
    default: return base * Math.exp(0.2 * slow + 0.1 * g);
  }
}

function pm25(n: Noise, m: Moment, base: number): number {
  // High at night and in the morning rush, lowest mid-afternoon when the mixing layer is deepest.
  const diurnal = 1 + 0.18 * Math.cos((2 * Math.PI * (m.hod - 3)) / 24) + 0.06 * Math.cos((4 * Math.PI * (m.hod - 9)) / 24);
  return base * (1 + 0.55 * m.winter) * diurnal * Math.exp(0.45 * n.smooth(2001, m.hour, 96) + 0.2 * n.smooth(2002, m.hour, 8) + 0.1 * n.gauss(2003, m.hour));
}

/** Decimals a factor's values are rounded to, as the HJ 212 data formats print them. */
export function decimalsOf(code: string, source: boolean): number {
  return (source ? SOURCE_DECIMALS[code] : undefined) ?? DECIMALS[code] ?? 2;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The station's readings with times in [from, until], oldest first, on its interval's CST grid. */
export function* readingsFor(
  station: StationRecord,
  window: ReadingsWindowOptions,
  profile: ReadingProfile = defaultReadingProfile(station),
): Generator<ReadingRecord> {
  const step = STEP_MS[station.interval];
  const noise = createNoise(profile.seed);
  const source = station.kind === 'POLLUTION_SOURCE';
  const last = Math.min(window.until, profile.stoppedAt ?? Infinity);
  const first = Math.ceil((window.from + CST_OFFSET_MS) / step) * step - CST_OFFSET_MS;
  const factors = station.factors.map((f, i) => {
    const base = profile.baseline[f.code] ?? DEFAULT_BASELINE[f.code] ?? 1;
    const decimals = decimalsOf(f.code, source);
    return { code: f.code, i, base, decimals, floor: f.code === 'w01010' ? -Infinity : 0 };
  });

  for (let time = first; time <= last; time += step) {
    const hour = time / HOUR_MS;
    if (noise.uniform(CH_GAP, Math.floor(hour / GAP_HOURS)) < GAP_RATE) continue;
    const m: Moment = { hour, hod: cstHourOfDay(time), winter: Math.cos((2 * Math.PI * (cstDayOfYear(time) - 15)) / 365.25), time };
    const values: ReadingValueRecord[] = factors.map(({ code, i, base, decimals, floor }) => {
      let value: number | null = Math.max(floor, modelValue(code, i, noise, m, profile, base, source));
      let flag: DataFlag = 'N';
      if (noise.uniform(16 * i + 5, hour) < FLAG_RATE) {
        let x = noise.uniform(16 * i + 6, hour) * FLAG_TOTAL;
        for (const [f, w] of FLAGS) {
          x -= w;
          if (x < 0) { flag = f; break; }
        }
        const u = noise.uniform(16 * i + 7, hour);
        if (flag === 'F' || (flag === 'B' && u < 0.5) || (flag === 'D' && u < 0.4)) value = null;
        else if (flag === 'T') value *= 3;
      }
      return { code, value: value === null ? null : round(value, decimals), flag };
    });
    yield { stationId: station.id, time, interval: station.interval, values };
  }
}
