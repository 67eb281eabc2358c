/**
 * All abnormal-data alarms of one station's series (issue "The standards in the graph", item 3):
 * ABNORMAL_FLAG, OVER_LIMIT, MISSING_DATA, FLATLINE, SPIKE, each with a deterministic id
 * (stationId:kind:code:from), ordered by start time, kind and factor.
 */
import type { Alarm, AlarmKind } from './Alarm.ts';
import { alarmId } from './Alarm.ts';
import type { AlarmContext } from './AlarmContext.ts';
import type { Reading } from './Reading.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { AlarmRules } from './alarmRules.ts';
import { DEFAULT_ALARM_RULES } from './alarmRules.ts';
import { detectFlagAlarms } from './detectFlagAlarms.ts';
import { detectFlatline } from './detectFlatline.ts';
import { detectMissingData } from './detectMissingData.ts';
import { detectOverLimit } from './detectOverLimit.ts';
import { detectSpikes } from './detectSpikes.ts';
import type { StationLimits } from './stationLimit.ts';

export interface EvaluateAlarmsInput {
  readonly stationId: string;
  readonly limits: StationLimits;
  /** Strictly ascending by time. */
  readonly readings: readonly Reading[];
  readonly intervalMs: number;
  readonly window?: { readonly from: number; readonly to: number };
  readonly rules?: Partial<AlarmRules>;
}

const KIND_ORDER: readonly AlarmKind[] = ['ABNORMAL_FLAG', 'MISSING_DATA', 'OVER_LIMIT', 'FLATLINE', 'SPIKE'];

export function evaluateAlarms(input: EvaluateAlarmsInput): Alarm[] {
  if (!Number.isFinite(input.intervalMs) || input.intervalMs <= 0) {
    throw new StandardsInputError('INVALID_INTERVAL', `interval ${input.intervalMs} ms is not positive`);
  }
  input.readings.forEach((r, i) => {
    const previous = input.readings[i - 1];
    if (!Number.isFinite(r.time) || (previous && r.time <= previous.time)) {
      throw new StandardsInputError('UNSORTED_SERIES', `reading ${i} at ${r.time} is not after the one before it`, { index: i });
    }
  });
  const context: AlarmContext = {
    limits: input.limits,
    intervalMs: input.intervalMs,
    rules: { ...DEFAULT_ALARM_RULES, ...input.rules },
    ...(input.window ? { window: input.window } : {}),
  };
  const detectors = [detectFlagAlarms, detectMissingData, detectOverLimit, detectFlatline, detectSpikes];
  return detectors
    .flatMap((detect) => detect(input.readings, context))
    .map((draft) => ({ ...draft, id: alarmId(input.stationId, draft.kind, draft.code, draft.from), stationId: input.stationId }))
    .sort((a, b) => a.from - b.from || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.code ?? '').localeCompare(b.code ?? ''));
}
