/**
 * GB 3095 limit lookup and exceedance test. Limits are "≤" values, so a concentration exactly at the
 * limit complies (GB 3095-2012 表1). Grade II applies to class-2 zones
 * (urban/industrial), grade I to class-1 zones (nature reserves).
 */
import type { Limit } from './Limit.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import { assertConcentration, normaliseCode } from './assertConcentration.ts';
import type { AirAveraging, AirGrade, AirQualityEdition } from './gb3095Limits.ts';
import { AIR_QUALITY_EDITIONS } from './gb3095Limits.ts';

export interface AirEditionChoice {
  readonly version?: '2012' | '2026';
  /** For 2026: phase 1 (to 2030) or 2 (from 2031); default 1. */
  readonly phase?: 1 | 2;
}

export function findAirEdition(choice: AirEditionChoice = {}): AirQualityEdition {
  const version = choice.version ?? '2012';
  const phase = version === '2012' ? null : (choice.phase ?? 1);
  const found = AIR_QUALITY_EDITIONS.find((e) => e.ref.version === version && e.phase === phase);
  if (!found) throw new StandardsInputError('UNKNOWN_STANDARD', `no GB 3095-${version} edition (phase ${String(phase)})`);
  return found;
}

/** An edition's grade limit for a pollutant and averaging time; null where the edition has no known value. */
export function editionLimit(edition: AirQualityEdition, code: string, period: AirAveraging, grade: AirGrade): Limit | null {
  const row = edition.rows.find((r) => r.code === normaliseCode(code) && r.averaging === period);
  const max = row ? (grade === 'I' ? row.gradeI : row.gradeII) : null;
  return row && max !== null ? { min: null, max, unit: row.unit } : null;
}

export function airLimit(code: string, period: AirAveraging, grade: AirGrade, choice?: AirEditionChoice): Limit {
  const edition = findAirEdition(choice);
  const limit = editionLimit(edition, code, period, grade);
  if (!limit) {
    throw new StandardsInputError('NO_LIMIT',
      `GB 3095-${edition.ref.version} has no known grade ${grade} ${period} limit for ${code}`, { code, period, grade });
  }
  return limit;
}

/** True when the concentration is above the limit (strictly: equal complies). */
export function exceedsAirLimit(code: string, period: AirAveraging, value: number, grade: AirGrade, choice?: AirEditionChoice): boolean {
  const limit = airLimit(code, period, grade, choice);
  return assertConcentration(code, value) > (limit.max ?? Infinity);
}
