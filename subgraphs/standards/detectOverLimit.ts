/**
 * OVER_LIMIT: runs of consecutive valid values (or 24 h moving means) outside the station's limit.
 * Severity per station kind (alarmRules), raised to CRITICAL when the exceedance multiple reaches
 * `criticalMultiple`; floors and ranges (DO, pH) have no multiple and keep the base severity.
 */
import type { AlarmDraft, AlarmValue } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import { cleanNumber, describeLimit, exceedanceMultiple, isWithinLimit } from './Limit.ts';
import type { Reading } from './Reading.ts';
import { codeSeries, isValid, runsBy } from './codeSeries.ts';
import { cstDay, formatSpan, readingsText } from './formatCst.ts';
import { pollutantName } from './pollutantNames.ts';
import type { ResolvedLimit } from './stationLimit.ts';
import { stationLimit } from './stationLimit.ts';

const DAY = 86_400_000;

/** Each reading's trailing 24 h mean of valid values (a sliding window over the sorted series), null while fewer than `minValues`. */
function movingMeans(series: readonly (AlarmValue | null)[], minValues: number): (AlarmValue | null)[] {
  const valid = series.map((p) => (p !== null && isValid(p) ? p : null));
  let start = 0, sum = 0, count = 0;
  return valid.map((point, index) => {
    if (point) { sum += point.value; count += 1; }
    const now = point?.time ?? series[index]?.time;
    for (; now !== undefined && start <= index; start++) {
      const old = valid[start];
      if (old && old.time > now - DAY) break;
      if (old) { sum -= old.value; count -= 1; }
    }
    return point && count >= minValues ? { ...point, value: cleanNumber(sum / count) } : null;
  });
}

function distanceOutside(resolved: ResolvedLimit, value: number): number {
  const { min, max } = resolved.limit;
  return Math.max(min !== null ? min - value : 0, max !== null ? value - max : 0);
}

/** A reading's value (or 24 h moving mean) with the limit in force at its time. */
interface HeldValue {
  readonly value: AlarmValue;
  readonly resolved: ResolvedLimit;
}

/**
 * Each reading's value with the limit in force at its time (a 24 h moving mean where the limit is
 * on one): null where there is no value or no limit. Limits change only at midnight in China (a
 * standard's edition takes force on a date), so they are looked up once per day of the series.
 */
function heldValues(code: string, raw: readonly (AlarmValue | null)[], context: AlarmContext): (HeldValue | null)[] {
  const byDay = new Map<number, ResolvedLimit | null>();
  const limitOn = (time: number): ResolvedLimit | null => {
    const day = cstDay(time);
    let resolved = byDay.get(day);
    if (resolved === undefined) {
      resolved = stationLimit(context.limits, code, context.intervalMs, time);
      byDay.set(day, resolved);
    }
    return resolved;
  };
  let means: (AlarmValue | null)[] | undefined;
  return raw.map((point, index) => {
    const resolved = point && limitOn(point.time);
    if (!point || !resolved) return null;
    const value = resolved.basis === 'MEAN_24H' ? (means ??= movingMeans(raw, context.rules.movingMeanMinValues))[index] : point;
    return value ? { value, resolved } : null;
  });
}

export function detectOverLimit(readings: readonly Reading[], context: AlarmContext): AlarmDraft[] {
  const drafts: AlarmDraft[] = [];
  for (const [code, raw] of codeSeries(readings)) {
    // The source names the edition, phase, grade and averaging of the limit: a run never spans two limits.
    const over = ({ value, resolved }: HeldValue): string | null =>
      isValid(value) && !isWithinLimit(resolved.limit, value.value) ? resolved.source.en : null;
    for (const run of runsBy(heldValues(code, raw, context), over)) {
      const resolved = run.items[0]?.resolved;
      const items = run.items.map((held) => held.value);
      if (!resolved) continue;
      const worst = items.reduce((a, b) => (distanceOutside(resolved, b.value ?? 0) > distanceOutside(resolved, a.value ?? 0) ? b : a));
      const first = items[0], last = items[items.length - 1];
      if (!first || !last || worst.value === null) continue;
      const multiple = exceedanceMultiple(resolved.limit, worst.value);
      const base = context.rules.overLimitSeverity[context.limits.kind];
      const severity = multiple !== null && multiple >= context.rules.criticalMultiple ? 'CRITICAL' : base;
      const name = pollutantName(code), unit = resolved.limit.unit ? ` ${resolved.limit.unit}` : '';
      const span = formatSpan(first.time, last.time);
      const mean = resolved.basis === 'MEAN_24H' ? { zh: '24小时滑动均值', en: '24 h moving mean' } : { zh: '', en: 'value' };
      drafts.push({
        kind: 'OVER_LIMIT',
        code,
        from: first.time,
        to: last.time,
        severity,
        reason:
          `${name.zh}(${code}) ${span} 共 ${items.length} 个${mean.zh}值不符合 ${resolved.source.zh} 限值 ${describeLimit(resolved.limit)}，` +
          `最差 ${worst.value}${unit}${multiple !== null ? `（超标 ${multiple} 倍）` : ''}。` +
          `${name.en} (${code}): ${readingsText(items.length, mean.en)} outside the ${resolved.source.en} ` +
          `limit ${describeLimit(resolved.limit)}, ` +
          `${span}; worst ${worst.value}${unit}${multiple !== null ? ` (${multiple} times over)` : ''}.`,
        values: items,
        limit: { ...resolved.limit, source: resolved.source.en },
      });
    }
  }
  return drafts;
}
