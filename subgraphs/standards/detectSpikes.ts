/**
 * SPIKE: a valid value far from the median of the previous `window` valid values — farther than
 * madMultiple × 1.4826 × MAD (robust z-score; 1.4826 makes MAD estimate σ for normal noise) AND
 * than relativeJump × |median|. Needs a full window of history; consecutive spikes merge into one alarm.
 */
import type { AlarmDraft, AlarmValue } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import { cleanNumber } from './Limit.ts';
import type { Reading } from './Reading.ts';
import { codeSeries, isValid, runsBy } from './codeSeries.ts';
import { formatSpan, readingsText } from './formatCst.ts';
import { pollutantName } from './pollutantNames.ts';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface SpikePoint extends AlarmValue {
  readonly value: number;
  readonly median: number;
}

export function detectSpikes(readings: readonly Reading[], context: AlarmContext): AlarmDraft[] {
  const { window, madMultiple, relativeJump } = context.rules.spike;
  const drafts: AlarmDraft[] = [];
  for (const [code, series] of codeSeries(readings)) {
    const valid = series.filter((v): v is AlarmValue & { value: number } => v !== null && isValid(v));
    const marked: (SpikePoint | null)[] = valid.map((point, i) => {
      if (i < window) return null;
      const history = valid.slice(i - window, i).map((p) => p.value);
      const med = median(history);
      const mad = median(history.map((h) => Math.abs(h - med)));
      const deviation = Math.abs(point.value - med);
      const spike = deviation > madMultiple * 1.4826 * mad && deviation > relativeJump * Math.abs(med);
      return spike ? { ...point, median: cleanNumber(med) } : null;
    });
    for (const run of runsBy(marked, () => 'spike')) {
      const first = run.items[0], last = run.items[run.items.length - 1];
      if (!first || !last) continue;
      const worst = run.items.reduce((a, b) => (Math.abs(b.value - b.median) > Math.abs(a.value - a.median) ? b : a));
      const name = pollutantName(code), span = formatSpan(first.time, last.time);
      drafts.push({
        kind: 'SPIKE', code, from: first.time, to: last.time, severity: 'WARNING',
        reason: `${name.zh}(${code}) ${span} 出现 ${run.items.length} 个突变值，最偏离值 ${worst.value}，前 ${window} 个值中位数 ${worst.median}。` +
          `${name.en} (${code}) jumped in ${readingsText(run.items.length)}, ${span}: ` +
          `${worst.value} against a median of ${worst.median} over the previous ${window}.`,
        values: run.items.map(({ time, code: c, value, flag }) => ({ time, code: c, value, flag })),
        limit: null,
      });
    }
  }
  return drafts;
}
