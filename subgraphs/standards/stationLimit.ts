/**
 * The limit an alarm compares a station's values with: a water-quality station its target class
 * (GB 3838-2002 表1), an air station GB 3095 grade II by default, of the edition in force at the
 * reading (GB 3095-2012 表1 until 2026-02-28, GB 3095-2026 from 2026-03-01), a source its
 * discharge table. Air series at 1 h use the 1 h limits; PM has none, so its trailing 24 h mean is
 * held to the 24 h limit. Daily series use the 24 h limits. Null when nothing applies (e.g.
 * turbidity, or a 劣V target). The one place a station's limits are chosen: the alarms and the
 * graph's `Station.limits` both read it.
 */
import type { Limit } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { WATER_CLASS_LABELS } from './WaterClass.ts';
import { normaliseCode } from './assertConcentration.ts';
import type { DischargeLimitTable } from './dischargeLimits.ts';
import { DEFAULT_DISCHARGE_TABLES } from './dischargeLimits.ts';
import { airEditionsAt } from './airEditionsAt.ts';
import type { AirEditionChoice } from './exceedsAirLimit.ts';
import { editionLimit, findAirEdition } from './exceedsAirLimit.ts';
import type { AirAveraging, AirGrade } from './gb3095Limits.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';
import { waterLimit } from './waterLimit.ts';

export type StationLimits =
  | { readonly kind: 'WATER_QUALITY'; readonly targetClass: WaterClass; readonly waterBody?: WaterBody; readonly standard?: StandardRef }
  /** `edition`: one edition for every reading; by default, each reading's own (airEditionsAt). */
  | { readonly kind: 'AIR_QUALITY'; readonly grade?: AirGrade; readonly edition?: AirEditionChoice }
  | { readonly kind: 'POLLUTION_SOURCE'; readonly tables?: readonly DischargeLimitTable[] };

/** The row of its standard a limit was read from. */
export type LimitRow =
  | { readonly kind: 'WATER_CLASS'; readonly waterClass: WaterClass; readonly waterBody: WaterBody }
  | { readonly kind: 'AIR_GRADE'; readonly grade: AirGrade; readonly averaging: AirAveraging }
  | { readonly kind: 'DISCHARGE_TABLE' };

export interface ResolvedLimit {
  readonly limit: Limit;
  /** VALUE: each reading; MEAN_24H: the trailing 24 h mean at each reading. */
  readonly basis: 'VALUE' | 'MEAN_24H';
  readonly standard: StandardRef;
  readonly row: LimitRow;
  readonly source: { readonly zh: string; readonly en: string };
}

const HOUR = 3_600_000;

function waterStationLimit(limits: Extract<StationLimits, { kind: 'WATER_QUALITY' }>, code: string): ResolvedLimit | null {
  const standard = findWaterStandard(limits.standard);
  const waterBody = limits.waterBody ?? 'RIVER';
  const indicator = findWaterIndicator(standard, code);
  if (!indicator || indicator.role === 'REFERENCE') return null;
  const limit = waterLimit(code, limits.targetClass, waterBody, standard.ref);
  if (!limit) return null;
  const name = `${standard.ref.standard}-${standard.ref.version}`;
  return {
    limit,
    basis: 'VALUE',
    standard: standard.ref,
    row: { kind: 'WATER_CLASS', waterClass: limits.targetClass, waterBody },
    source: { zh: `${name} ${WATER_CLASS_LABELS[limits.targetClass]}类`, en: `${name} class ${limits.targetClass}` },
  };
}

function airStationLimit(limits: Extract<StationLimits, { kind: 'AIR_QUALITY' }>, code: string, intervalMs: number, at: number): ResolvedLimit | null {
  const editions = limits.edition ? [findAirEdition(limits.edition)] : airEditionsAt(at);
  const grade = limits.grade ?? 'II';
  const resolve = (averaging: AirAveraging, basis: ResolvedLimit['basis'], zh: string, en: string): ResolvedLimit | null => {
    for (const edition of editions) {
      const limit = editionLimit(edition, code, averaging, grade);
      if (!limit) continue;
      const name = `${edition.ref.standard}-${edition.ref.version}`;
      const phase = edition.phase === null ? { zh: '', en: '' } : { zh: `第${edition.phase === 1 ? '一' : '二'}阶段`, en: ` phase ${edition.phase}` };
      return {
        limit,
        basis,
        standard: edition.ref,
        row: { kind: 'AIR_GRADE', grade, averaging },
        source: { zh: `${name} ${phase.zh}${grade === 'I' ? '一' : '二'}级${zh}`, en: `${name}${phase.en} grade ${grade} ${en}` },
      };
    }
    return null;
  };
  if (intervalMs <= HOUR) {
    return resolve('H1', 'VALUE', '1小时平均', '1 h mean')
      ?? resolve('H24', 'MEAN_24H', '24小时平均（滑动）', '24 h mean (moving)');
  }
  return intervalMs === 24 * HOUR ? resolve('H24', 'VALUE', '24小时平均', '24 h mean') : null;
}

/**
 * The limit of `rawCode` at `at` (epoch ms): an air station without a chosen edition is held to the
 * GB 3095 edition in force then (airEditionsAt); water and discharge limits do not change with time here.
 */
export function stationLimit(limits: StationLimits, rawCode: string, intervalMs: number, at: number): ResolvedLimit | null {
  const code = normaliseCode(rawCode);
  if (limits.kind === 'WATER_QUALITY') return waterStationLimit(limits, code);
  if (limits.kind === 'AIR_QUALITY') return airStationLimit(limits, code, intervalMs, at);
  for (const table of limits.tables ?? DEFAULT_DISCHARGE_TABLES) {
    const row = table.rows.find((r) => r.code === code);
    if (row) {
      const name = `${table.ref.standard}-${table.ref.version}`;
      const unverified = row.verified ? '' : ' [unverified]';
      return {
        limit: { min: row.min, max: row.max, unit: row.unit },
        basis: 'VALUE',
        standard: table.ref,
        row: { kind: 'DISCHARGE_TABLE' },
        source: { zh: `${name} ${table.grade}${unverified}`, en: `${name} ${table.gradeEn}${unverified}` },
      };
    }
  }
  return null;
}
