/** An abnormal-data alarm raised on a station's series (HJ 212-2017 §6.6.4 data flags, limits and gaps; rules in alarmRules.ts; issue item 3). */
import type { Limit } from './Limit.ts';
import type { DataFlag } from './Reading.ts';
import type { AlarmSeverity } from './alarmRules.ts';

export type AlarmKind = 'ABNORMAL_FLAG' | 'OVER_LIMIT' | 'MISSING_DATA' | 'FLATLINE' | 'SPIKE';

export interface AlarmValue {
  readonly time: number;
  readonly code: string;
  /** For a 24 h moving-mean check, the mean at that time. */
  readonly value: number | null;
  readonly flag: DataFlag;
}

export interface Alarm {
  /** stationId:kind:code:from — the same series always gives the same ids. */
  readonly id: string;
  readonly stationId: string;
  readonly kind: AlarmKind;
  /** The factor, or null for a gap in the whole series. */
  readonly code: string | null;
  /** Epoch ms of the first and last reading (or expected slot) concerned, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly severity: AlarmSeverity;
  /** One Chinese and one English sentence with the values. */
  readonly reason: string;
  readonly values: readonly AlarmValue[];
  /** The limit an OVER_LIMIT alarm compared with. */
  readonly limit: (Limit & { readonly source: string }) | null;
}

/** What a detector returns; evaluateAlarms adds the station and the id. */
export type AlarmDraft = Omit<Alarm, 'id' | 'stationId'>;

export function alarmId(stationId: string, kind: AlarmKind, code: string | null, from: number): string {
  return `${stationId}:${kind}:${code ?? '-'}:${from}`;
}
