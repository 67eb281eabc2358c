/** ABNORMAL_FLAG: runs of one non-N data flag on one factor (HJ 212-2017 §6.6.4); severity per alarmRules. */
import type { AlarmDraft } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import type { DataFlag, Reading } from './Reading.ts';
import { DATA_FLAG_NAMES } from './Reading.ts';
import { codeSeries, runsBy } from './codeSeries.ts';
import { formatSpan, readingsText } from './formatCst.ts';
import { pollutantName } from './pollutantNames.ts';

export function detectFlagAlarms(readings: readonly Reading[], context: AlarmContext): AlarmDraft[] {
  const drafts: AlarmDraft[] = [];
  for (const [code, series] of codeSeries(readings)) {
    for (const run of runsBy(series, (v) => (v.flag === 'N' ? null : v.flag))) {
      const flag = run.key as Exclude<DataFlag, 'N'>;
      const first = run.items[0], last = run.items[run.items.length - 1];
      if (!first || !last) continue;
      const name = pollutantName(code), meaning = DATA_FLAG_NAMES[flag];
      const span = formatSpan(first.time, last.time);
      drafts.push({
        kind: 'ABNORMAL_FLAG',
        code,
        from: first.time,
        to: last.time,
        severity: context.rules.flagSeverity[flag] ?? 'WARNING',
        reason:
          `${name.zh}(${code}) ${span} 共 ${run.items.length} 个数据标记为 ${flag}（${meaning.zh}）。` +
          `${name.en} (${code}) was flagged ${flag} (${meaning.en}) in ${readingsText(run.items.length)}, ${span}.`,
        values: run.items,
        limit: null,
      });
    }
  }
  return drafts;
}
