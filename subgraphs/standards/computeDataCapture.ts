/**
 * The data-capture rates that the supervision of automatic monitoring (污染源自动监控设施监管) uses:
 *
 * - transmission rate 传输率 = data received ÷ data expected at the station's interval over the period;
 * - validity rate 有效率 = valid data ÷ data received, valid meaning data flag N — 环发〔2009〕88号
 *   附件1 第二条: only the data a monitoring device provides in its normal operating state are valid
 *   (HJ 212-2017 §6.6.4: flag N = 在线监控(监测)仪器仪表工作正常);
 * - effective transmission rate 有效传输率 = 传输率 × 有效率 (0 when something was expected and nothing
 *   came: per factor it equals valid ÷ expected).
 *
 * The three definitions are those supervision platforms display ("传输率：传输个数/应传个数 …
 * 有效传输率：传输率*有效率") and the platforms attribute them to 《污染物排放自动监测设备标记规则》;
 * that document's own text was not available here [unverified]. Per factor they are exactly the
 * above. For the station: its transmission rate counts the slots with any data, its validity rate
 * every factor value received — a choice of aggregation [unverified as a clause].
 *
 * Slots are the times on the interval's grid in [from, to); a reading counts for the slot it falls
 * in, a second reading in the same slot is a duplicate (counted, not received again). A value
 * flagged N without a number is received but not valid. Pure, bounded: the gap list keeps at most
 * `maxGaps` runs, `gapCount` counts them all.
 */
import type { DataFlag, Reading } from './Reading.ts';
import { DATA_FLAGS } from './Reading.ts';
import { StandardsInputError } from './StandardsInputError.ts';

export interface DataCaptureInput {
  readonly readings: readonly Reading[];
  /** First slot (on the grid). */
  readonly from: number;
  /** End of the last slot, exclusive. */
  readonly to: number;
  readonly intervalMs: number;
  /** The factors the station is configured to send; factors that arrive anyway are added. */
  readonly factors: readonly string[];
  /** @default 100 */
  readonly maxGaps?: number;
}

export interface FlagCount {
  readonly flag: DataFlag;
  readonly count: number;
}

export interface CaptureRates {
  readonly received: number;
  readonly valid: number;
  /** null when nothing was expected. */
  readonly transmissionRate: number | null;
  /** null when nothing was received. */
  readonly validityRate: number | null;
  /** null when nothing was expected; 0 when nothing was received. */
  readonly effectiveTransmissionRate: number | null;
  readonly flags: readonly FlagCount[];
}

export interface FactorCapture extends CaptureRates {
  readonly code: string;
}

export interface DataGap {
  /** The first missing slot. */
  readonly from: number;
  /** The end of the last missing slot, exclusive. */
  readonly to: number;
  readonly missing: number;
}

export interface DataCapture extends CaptureRates {
  readonly expected: number;
  /** Slots without any reading. */
  readonly missing: number;
  /** Readings that fell in a slot already taken. */
  readonly duplicates: number;
  /** Factor values received in all (the station's validity rate is over these). */
  readonly valuesReceived: number;
  readonly factors: readonly FactorCapture[];
  readonly gaps: readonly DataGap[];
  readonly gapCount: number;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** 传输率 × 有效率; nothing received of what was expected is 0, nothing expected is null. */
const product = (transmission: number | null, validity: number | null): number | null =>
  (transmission === null ? null : validity === null ? 0 : transmission * validity);

function flagCounts(counts: ReadonlyMap<DataFlag, number>): FlagCount[] {
  return DATA_FLAGS.flatMap((flag) => (counts.get(flag) ? [{ flag, count: counts.get(flag) as number }] : []));
}

interface FactorTally { received: number; valid: number; readonly flags: Map<DataFlag, number> }

export function computeDataCapture(input: DataCaptureInput): DataCapture {
  const { from, to, intervalMs } = input;
  if (!(intervalMs > 0) || !(to >= from)) {
    throw new StandardsInputError('INVALID_INTERVAL', `data capture needs from ≤ to and a positive interval, got ${from}…${to} every ${intervalMs} ms`);
  }
  const expected = Math.ceil((to - from) / intervalMs);
  const taken = new Uint8Array(expected);
  const tallies = new Map<string, FactorTally>();
  for (const code of input.factors) tallies.set(code, { received: 0, valid: 0, flags: new Map() });
  let received = 0, duplicates = 0;
  for (const reading of [...input.readings].sort((a, b) => a.time - b.time)) {
    if (reading.time < from || reading.time >= to) continue;
    const slot = Math.floor((reading.time - from) / intervalMs);
    if (taken[slot] === 1) {
      duplicates++;
      continue;
    }
    taken[slot] = 1;
    received++;
    for (const v of reading.values) {
      let tally = tallies.get(v.code);
      if (tally === undefined) tallies.set(v.code, (tally = { received: 0, valid: 0, flags: new Map() }));
      tally.received++;
      if (v.flag === 'N' && v.value !== null) tally.valid++;
      tally.flags.set(v.flag, (tally.flags.get(v.flag) ?? 0) + 1);
    }
  }

  const maxGaps = input.maxGaps ?? 100;
  const gaps: DataGap[] = [];
  let gapCount = 0;
  for (let slot = 0; slot < expected;) {
    if (taken[slot] === 1) {
      slot++;
      continue;
    }
    const start = slot;
    while (slot < expected && taken[slot] !== 1) slot++;
    gapCount++;
    if (gaps.length < maxGaps) gaps.push({ from: from + start * intervalMs, to: from + slot * intervalMs, missing: slot - start });
  }

  const factors: FactorCapture[] = [...tallies].map(([code, t]) => {
    const transmissionRate = rate(t.received, expected), validityRate = rate(t.valid, t.received);
    return {
      code, received: t.received, valid: t.valid, transmissionRate, validityRate,
      effectiveTransmissionRate: product(transmissionRate, validityRate), flags: flagCounts(t.flags),
    };
  });
  const allFlags = new Map<DataFlag, number>();
  let valuesReceived = 0, valid = 0;
  for (const t of tallies.values()) {
    valuesReceived += t.received;
    valid += t.valid;
    for (const [flag, n] of t.flags) allFlags.set(flag, (allFlags.get(flag) ?? 0) + n);
  }
  const transmissionRate = rate(received, expected), validityRate = rate(valid, valuesReceived);
  return {
    expected, received, missing: expected - received, duplicates, valuesReceived, valid,
    transmissionRate, validityRate, effectiveTransmissionRate: product(transmissionRate, validityRate),
    flags: flagCounts(allFlags), factors, gaps, gapCount,
  };
}
