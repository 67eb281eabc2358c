/**
 * Station.limits: each factor a station measures with the limit its over-limit alarms compare with,
 * read from the same standards function the alarms call (standards/stationLimit over stationLimitsOf,
 * at the station's own reporting interval), so the graph never states a limit the alarms do not apply.
 * Limits are inclusive intervals (GB 3838-2002 表1: "≥" for DO, 6–9 for pH, "≤" for the rest; GB 3095 表1
 * and the discharge tables: ceilings). A factor without a limit is left out.
 */
import type { StationRecord, WaterClass } from '../model.ts';
import {
  StandardsInputError, formatStandardRef, stationLimit, type AirAveraging, type AirGrade, type ResolvedLimit,
} from '../../standards/index.ts';
import { factorName } from './factorName.ts';
import { INTERVAL_MS } from './intervalMs.ts';
import { mapStandardsError } from './mapStandardsError.ts';
import { stationLimitsOf } from './stationLimitsOf.ts';

export interface FactorLimitView {
  /** As the station records it, so it matches the codes of its readings. */
  readonly code: string;
  readonly name: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly unit: string;
  readonly standard: string;
  readonly source: string;
  readonly basis: ResolvedLimit['basis'];
  readonly waterClass: WaterClass | null;
  readonly grade: AirGrade | null;
  readonly averaging: AirAveraging | null;
}

function view(code: string, resolved: ResolvedLimit, station: StationRecord): FactorLimitView {
  const { row } = resolved;
  return {
    code,
    name: factorName(code, station),
    ...resolved.limit,
    standard: formatStandardRef(resolved.standard),
    source: resolved.source.en,
    basis: resolved.basis,
    waterClass: row.kind === 'WATER_CLASS' ? row.waterClass : null,
    grade: row.kind === 'AIR_GRADE' ? row.grade : null,
    averaging: row.kind === 'AIR_GRADE' ? row.averaging : null,
  };
}

/**
 * The limits of the station's factors at `at` (epoch ms: an air station's GB 3095 edition is the one in
 * force then), in the order it lists them (a code listed twice counts once).
 * `targetClass` 劣Ⅴ is refused (INVALID_STANDARDS_INPUT, reason NO_LIMIT) for every kind of station:
 * GB 3838-2002 表1 sets limits for classes I–V only, 劣Ⅴ being "none of them met".
 */
export function stationFactorLimits(station: StationRecord, targetClass: WaterClass | null | undefined, at: number): FactorLimitView[] {
  if (targetClass === 'WORSE_THAN_V') {
    throw mapStandardsError(new StandardsInputError('NO_LIMIT',
      'GB 3838-2002 sets no limits for 劣Ⅴ (worse than class V): give a target class from I to V.', { targetClass }), 'ARGUMENTS');
  }
  const limits = stationLimitsOf(station, targetClass);
  const intervalMs = INTERVAL_MS[station.interval];
  const seen = new Set<string>();
  const views: FactorLimitView[] = [];
  for (const { code } of station.factors) {
    const key = code.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const resolved = stationLimit(limits, code, intervalMs, at);
    if (resolved) views.push(view(code, resolved, station));
  }
  return views;
}
