/**
 * MISSING_DATA: (1) a gap between consecutive readings longer than gapFactor × interval — the alarm
 * spans the expected slots that did not arrive; with a window, the edges count as virtual readings
 * one interval outside it; (2) runs of a factor reported with flag N but no value.
 */
import type { AlarmDraft } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import type { Reading } from './Reading.ts';
import { codeSeries, runsBy } from './codeSeries.ts';
import { formatSpan, readingsText } from './formatCst.ts';
import { pollutantName } from './pollutantNames.ts';

function gapDraft(previous: number, next: number, context: AlarmContext): AlarmDraft {
  const from = previous + context.intervalMs, to = next - context.intervalMs;
  const slots = Math.round((next - previous) / context.intervalMs) - 1;
  const span = formatSpan(from, to);
  return {
    kind: 'MISSING_DATA',
    code: null,
    from,
    to,
    severity: next - previous - context.intervalMs >= context.rules.missingCriticalMs ? 'CRITICAL' : 'WARNING',
    reason: `${span} 缺失约 ${slots} 个应到数据（间隔 ${context.intervalMs / 60_000} 分钟）。` +
      `About ${slots} expected readings are missing, ${span} (interval ${context.intervalMs / 60_000} min).`,
    values: [],
    limit: null,
  };
}

export function detectMissingData(readings: readonly Reading[], context: AlarmContext): AlarmDraft[] {
  const times = readings.map((r) => r.time);
  if (context.window) {
    times.unshift(context.window.from - context.intervalMs);
    times.push(context.window.to);
  }
  const drafts: AlarmDraft[] = [];
  for (let i = 1; i < times.length; i++) {
    const previous = times[i - 1] as number, next = times[i] as number;
    if (next - previous > context.rules.gapFactor * context.intervalMs) drafts.push(gapDraft(previous, next, context));
  }
  for (const [code, series] of codeSeries(readings)) {
    for (const run of runsBy(series, (v) => (v.flag === 'N' && v.value === null ? 'empty' : null))) {
      const first = run.items[0], last = run.items[run.items.length - 1];
      if (!first || !last) continue;
      const name = pollutantName(code), span = formatSpan(first.time, last.time);
      drafts.push({
        kind: 'MISSING_DATA', code, from: first.time, to: last.time, severity: 'WARNING',
        reason: `${name.zh}(${code}) ${span} 共 ${run.items.length} 个数据标记正常但无数值。` +
          `${name.en} (${code}) was flagged N with no value in ${readingsText(run.items.length)}, ${span}.`,
        values: run.items,
        limit: null,
      });
    }
  }
  return drafts;
}
