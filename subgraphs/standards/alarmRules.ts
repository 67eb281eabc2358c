/**
 * Parameters of the abnormal-data alarm rules — our own rule on the HJ 212-2017 §6.6.4 data flags:
 * any flag ≠ N, or a value above the limit, or a missing expected interval → alarm — as data so a
 * bureau can tune them.
 *
 * Flag severities — CRITICAL: F (stopped), D (fault), B (communication fault) mean the automatic
 * monitoring is not running normally, itself an offence for sources (大气法第一百条(3), 水法第八十二条;
 * docs/enforcement.md); T (above the measuring range) means the true value is unknown and high.
 * WARNING: S (manually set value) replaces a measurement and needs review. INFO: M (maintenance) and
 * C (calibration) are planned operations.
 */
import type { DataFlag } from './Reading.ts';

export type AlarmSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export type StationKind = 'WATER_QUALITY' | 'AIR_QUALITY' | 'POLLUTION_SOURCE';

export interface AlarmRules {
  readonly flagSeverity: Readonly<Record<Exclude<DataFlag, 'N'>, AlarmSeverity>>;
  /** A gap between readings longer than this many intervals is missing data. */
  readonly gapFactor: number;
  /** A gap at least this long (ms) is CRITICAL, shorter ones WARNING. */
  readonly missingCriticalMs: number;
  /** Identical consecutive values that make a flat line, by reporting interval (first match). */
  readonly flatline: readonly { readonly upToIntervalMs: number; readonly minRun: number }[];
  /**
   * Spike: |x − median of the previous `window` valid values| > `madMultiple` × 1.4826 × MAD (a robust
   * z-score) AND > `relativeJump` × |median|, so neither a noisy series nor a tiny wiggle on a flat
   * series fires alone.
   */
  readonly spike: { readonly window: number; readonly madMultiple: number; readonly relativeJump: number };
  readonly overLimitSeverity: Readonly<Record<StationKind, AlarmSeverity>>;
  /** An exceedance multiple at or above this (value ≥ 2 × limit) makes an over-limit alarm CRITICAL. */
  readonly criticalMultiple: number;
  /**
   * A 24 h moving mean (air PM from hourly data) needs this many valid hourly values — GB 3095-2012
   * 表4 data validity [unverified: the standard's text was not checked].
   */
  readonly movingMeanMinValues: number;
}

const HOUR = 3_600_000;

export const DEFAULT_ALARM_RULES: AlarmRules = {
  flagSeverity: { F: 'CRITICAL', D: 'CRITICAL', B: 'CRITICAL', T: 'CRITICAL', S: 'WARNING', M: 'INFO', C: 'INFO' },
  gapFactor: 1.5,
  missingCriticalMs: 24 * HOUR,
  flatline: [
    { upToIntervalMs: 10 * 60_000, minRun: 30 },
    { upToIntervalMs: Number.POSITIVE_INFINITY, minRun: 6 },
  ],
  spike: { window: 6, madMultiple: 5, relativeJump: 0.5 },
  // Exceeding a discharge limit is 超标排放 (大气法第九十九条; docs/enforcement.md); ambient exceedances warn.
  overLimitSeverity: { WATER_QUALITY: 'WARNING', AIR_QUALITY: 'WARNING', POLLUTION_SOURCE: 'CRITICAL' },
  criticalMultiple: 1,
  movingMeanMinValues: 20,
};
