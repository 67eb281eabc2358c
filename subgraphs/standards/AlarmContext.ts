/** What every alarm detector is given besides the readings. */
import type { AlarmRules } from './alarmRules.ts';
import type { StationLimits } from './stationLimit.ts';

export interface AlarmContext {
  readonly limits: StationLimits;
  /** The expected reporting interval of the series, ms. */
  readonly intervalMs: number;
  readonly rules: AlarmRules;
  /** The span the series should cover ([from, to)), to catch gaps at its edges. */
  readonly window?: { readonly from: number; readonly to: number };
}
