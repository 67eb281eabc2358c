/**
 * AQI of a real-time (hourly) or daily report (HJ 633-2012 §5–6, 表1, 表2): IAQI per
 * pollutant, AQI = max IAQI (each rounded up, §6.2), level/category/colour from 表2, primary
 * pollutants (all tied at the max, only when AQI > 50) and non-attainment pollutants (IAQI > 100).
 */
import type { AqiPeriod, AqiVersion } from './AqiStandard.ts';
import type { StandardRef } from './StandardRef.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { AqiColor } from './aqiLevels.ts';
import { aqiLevel } from './aqiLevels.ts';
import type { AqiReport, AqiReportInput } from './aqiReportRules.ts';
import { AQI_POLLUTANT_CODES, AQI_REPORT_INPUTS } from './aqiReportRules.ts';
import { assertConcentration, normaliseCode } from './assertConcentration.ts';
import { findAqiColumn, iaqiFromColumn } from './computeIaqi.ts';
import { findAqiStandard } from './hj633Standards.ts';

export interface AqiConcentration {
  readonly code: string;
  readonly period: AqiPeriod;
  /** µg/m³; CO in mg/m³. */
  readonly value: number;
}

export interface ComputeAqiInput {
  readonly report: AqiReport;
  readonly concentrations: readonly AqiConcentration[];
  readonly version?: AqiVersion;
}

export interface AqiPollutantRef {
  readonly code: string;
  readonly period: AqiPeriod;
}

export interface IaqiEntry extends AqiPollutantRef {
  readonly value: number;
}

export interface AqiSubstitutionApplied extends AqiPollutantRef {
  readonly replacedBy: AqiPeriod;
  readonly clause: string;
}

export interface AqiResult {
  readonly aqi: number;
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  readonly levelName: string;
  readonly category: string;
  readonly categoryEn: string;
  readonly color: AqiColor;
  readonly primaryPollutants: readonly AqiPollutantRef[];
  readonly nonAttainment: readonly AqiPollutantRef[];
  readonly iaqi: readonly IaqiEntry[];
  readonly substitutions: readonly AqiSubstitutionApplied[];
  readonly report: AqiReport;
  readonly version: AqiVersion;
  readonly standard: StandardRef;
}

const key = (code: string, period: AqiPeriod): string => `${code}/${period}`;

function checkedInputs(report: AqiReport, concentrations: readonly AqiConcentration[]): Map<string, { rule: AqiReportInput; value: number }> {
  const rules = AQI_REPORT_INPUTS[report];
  if (!rules) throw new StandardsInputError('PERIOD_NOT_ALLOWED', `unknown AQI report ${String(report)}`, { report });
  if (concentrations.length === 0) throw new StandardsInputError('EMPTY_SAMPLE', 'no concentrations given');
  const given = new Map<string, { rule: AqiReportInput; value: number }>();
  for (const c of concentrations) {
    const code = normaliseCode(c.code);
    if (!AQI_POLLUTANT_CODES.includes(code)) {
      throw new StandardsInputError('UNKNOWN_INDICATOR', `${c.code} is not an HJ 633 pollutant`, { code: c.code });
    }
    const rule = rules.find((r) => r.code === code && r.period === c.period);
    if (!rule) {
      throw new StandardsInputError('PERIOD_NOT_ALLOWED', `${report} report takes no ${String(c.period)} value for ${code}`,
        { code, period: c.period });
    }
    if (given.has(key(code, c.period))) {
      throw new StandardsInputError('DUPLICATE_INDICATOR', `${code} ${c.period} given twice`, { code, period: c.period });
    }
    given.set(key(code, c.period), { rule, value: assertConcentration(code, c.value) });
  }
  return given;
}

export function computeAqi(input: ComputeAqiInput): AqiResult {
  const version = input.version ?? '2012';
  const standard = findAqiStandard(version);
  const given = checkedInputs(input.report, input.concentrations);
  const entries = new Map<string, IaqiEntry>();
  const substitutions: AqiSubstitutionApplied[] = [];
  const add = (code: string, period: AqiPeriod, column: AqiPeriod, value: number): void => {
    if (entries.has(key(code, period))) return;
    const iaqi = iaqiFromColumn(standard, findAqiColumn(standard, code, column), value);
    if (iaqi === null) throw new StandardsInputError('NO_LIMIT', `${code} ${column} ${value} is beyond Table 1`, { code, value });
    entries.set(key(code, period), { code, period, value: iaqi });
  };
  for (const { rule, value } of given.values()) {
    if (rule.substituteOnly || (rule.unlessGiven && given.has(key(rule.code, rule.unlessGiven)))) continue;
    const sub = standard.substitutions.find((s) => s.code === rule.code && s.period === rule.column);
    if (sub && value > sub.above) {
      const other = given.get(key(rule.code, sub.use));
      if (!other) {
        throw new StandardsInputError('MISSING_CONCENTRATION',
          `${rule.code} ${rule.period} ${value} > ${sub.above}: ${sub.clause} needs the ${sub.use} value`, { code: rule.code, period: sub.use });
      }
      substitutions.push({ code: rule.code, period: rule.period, replacedBy: sub.use, clause: sub.clause });
      add(rule.code, sub.use, other.rule.column, other.value);
      continue;
    }
    add(rule.code, rule.period, rule.column, value);
  }
  const iaqi = [...entries.values()];
  const aqi = Math.max(...iaqi.map((e) => e.value));
  const level = aqiLevel(aqi);
  const ref = (e: IaqiEntry): AqiPollutantRef => ({ code: e.code, period: e.period });
  return {
    aqi,
    level: level.level,
    levelName: level.levelName,
    category: level.category,
    categoryEn: level.categoryEn,
    color: level.color,
    // HJ 633-2012 首要污染物: a primary pollutant is named only when AQI > 50; ties are all listed.
    primaryPollutants: aqi > 50 ? iaqi.filter((e) => e.value === aqi).map(ref) : [],
    nonAttainment: iaqi.filter((e) => e.value > 100).map(ref),
    iaqi,
    substitutions,
    report: input.report,
    version,
    standard: standard.ref,
  };
}
