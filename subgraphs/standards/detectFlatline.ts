/**
 * FLATLINE: at least `minRun` consecutive identical valid values of one factor — a stuck analyser or
 * a repeated (possibly fabricated) value. `minRun` depends on the interval (alarmRules.flatline).
 */
import type { AlarmDraft } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import type { Reading } from './Reading.ts';
import { codeSeries, isValid, runsBy } from './codeSeries.ts';
import { formatSpan, readingsText } from './formatCst.ts';
import { pollutantName } from './pollutantNames.ts';

export function flatlineMinRun(context: AlarmContext): number {
  return context.rules.flatline.find((f) => context.intervalMs <= f.upToIntervalMs)?.minRun ?? Number.POSITIVE_INFINITY;
}

export function detectFlatline(readings: readonly Reading[], context: AlarmContext): AlarmDraft[] {
  const minRun = flatlineMinRun(context);
  const drafts: AlarmDraft[] = [];
  for (const [code, series] of codeSeries(readings)) {
    for (const run of runsBy(series, (v) => (isValid(v) ? String(v.value) : null))) {
      const first = run.items[0], last = run.items[run.items.length - 1];
      if (run.items.length < minRun || !first || !last) continue;
      const name = pollutantName(code), span = formatSpan(first.time, last.time);
      drafts.push({
        kind: 'FLATLINE', code, from: first.time, to: last.time, severity: 'WARNING',
        reason: `${name.zh}(${code}) ${span} 连续 ${run.items.length} 个值恒为 ${run.key}（阈值 ${minRun} 个）。` +
          `${name.en} (${code}) stayed at exactly ${run.key} for ${readingsText(run.items.length, 'consecutive reading')}, ` +
          `${span} (threshold ${minRun}).`,
        values: run.items,
        limit: null,
      });
    }
  }
  return drafts;
}
