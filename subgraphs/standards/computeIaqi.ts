/**
 * Individual AQI of one concentration (HJ 633-2012 §6.1 formula):
 * IAQI = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo) · (C − BP_Lo) + IAQI_Lo, then rounded UP to an integer
 * (§6.2 进位取整), in exact decimal arithmetic (ceilInterpolated), so no float noise moves the
 * ceiling. Above the top breakpoint of a full column the IAQI is held at 500 — the standard says nothing; aqi-hub and the national platform do the same [unverified]. Above the end of a
 * truncated column (SO2 1 h, O3 8 h) there is no IAQI: null, and the caller substitutes.
 */
import type { AqiBreakpointColumn, AqiPeriod, AqiStandard, AqiVersion } from './AqiStandard.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import { assertConcentration, normaliseCode } from './assertConcentration.ts';
import { ceilInterpolated } from './ceilInterpolated.ts';
import { findAqiStandard } from './hj633Standards.ts';

export function findAqiColumn(standard: AqiStandard, code: string, period: AqiPeriod): AqiBreakpointColumn {
  const column = standard.columns.find((c) => c.code === normaliseCode(code) && c.period === period);
  if (!column) {
    throw new StandardsInputError('UNKNOWN_INDICATOR', `HJ 633-${standard.ref.version} has no ${period} column for ${code}`, { code, period });
  }
  return column;
}

export function iaqiFromColumn(standard: AqiStandard, column: AqiBreakpointColumn, value: number): number | null {
  const bp = column.concentrations;
  for (let i = 1; i < bp.length; i++) {
    const hi = bp[i], lo = bp[i - 1];
    const iaqiHi = standard.iaqiSteps[i], iaqiLo = standard.iaqiSteps[i - 1];
    if (hi === null || hi === undefined || lo === null || lo === undefined) return null;
    if (iaqiHi === undefined || iaqiLo === undefined) break;
    if (value <= hi) return ceilInterpolated(value, lo, hi, iaqiLo, iaqiHi);
  }
  return standard.iaqiSteps[standard.iaqiSteps.length - 1] ?? null;
}

export interface ComputeIaqiInput {
  readonly code: string;
  /** The Table 1 column: 'H1', 'H8' or 'H24'. */
  readonly period: AqiPeriod;
  readonly value: number;
  readonly version?: AqiVersion;
}

export function computeIaqi(input: ComputeIaqiInput): number | null {
  const standard = findAqiStandard(input.version);
  const value = assertConcentration(input.code, input.value);
  return iaqiFromColumn(standard, findAqiColumn(standard, input.code, input.period), value);
}
