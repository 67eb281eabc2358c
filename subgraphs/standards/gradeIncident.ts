/**
 * The level of an environmental incident: the most severe level any threshold of the grading table
 * reaches (any one trigger suffices, 国办函〔2014〕119号 Appendix 1), with one sentence per threshold
 * that applied. An incident meeting none of levels I–III is IV 一般.
 */
import { StandardsInputError } from './StandardsInputError.ts';
import type { IncidentGradingTable, IncidentLevel, IncidentLevelInfo } from './incidentGrading.ts';
import { INCIDENT_GRADING_2014 } from './incidentGrading.ts';

export interface IncidentFacts {
  readonly deaths?: number | null;
  readonly poisonedOrInjured?: number | null;
  readonly evacuated?: number | null;
  readonly directLossYuan?: number | null;
  readonly radiationAcuteDeaths?: number | null;
  readonly acuteSevereRadiationSickness?: number | null;
  readonly drinkingWaterCutoff?: 'PREFECTURE_CITY' | 'COUNTY' | 'TOWNSHIP' | null;
  readonly crossBorder?: 'NATIONAL' | 'PROVINCIAL' | 'PREFECTURE' | 'COUNTY' | null;
  readonly regionalEcologicalFunctionLost?: boolean;
  readonly protectedSpeciesExtinct?: boolean;
  readonly radioactiveSourceWideContamination?: boolean;
  readonly ecologicalFunctionPartlyLost?: boolean;
  readonly protectedSpeciesMassDeath?: boolean;
  readonly protectedSpeciesDamaged?: boolean;
  /** The class (I–V) of a radioactive source lost or stolen. */
  readonly radioactiveSourceLost?: 'I' | 'II' | 'III' | 'IV' | 'V' | null;
  /** How far a radioactive leak contaminated: 大范围 / 较大范围 / 小范围. */
  readonly radioactiveLeak?: 'WIDE' | 'LARGER' | 'SMALL' | null;
}

export interface IncidentGrade extends IncidentLevelInfo {
  readonly reasons: readonly string[];
}

const RANK: Readonly<Record<IncidentLevel, number>> = { I: 1, II: 2, III: 3, IV: 4 };

export function gradeIncident(facts: IncidentFacts, table: IncidentGradingTable = INCIDENT_GRADING_2014): IncidentGrade {
  const hits: { level: IncidentLevel; reason: string }[] = [];
  for (const field of new Set(table.counts.map((t) => t.field))) {
    const value = facts[field];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value) || value < 0) {
      throw new StandardsInputError('NEGATIVE_VALUE', `${field} must be a non-negative number, got ${value}`, { field, value });
    }
    // The most severe threshold reached for this count, e.g. 35 deaths → I only.
    const reached = table.counts.filter((t) => t.field === field && value >= t.atLeast).sort((a, b) => RANK[a.level] - RANK[b.level])[0];
    if (reached) hits.push({ level: reached.level, reason: `${reached.label.zh}（${value}）/ ${reached.label.en} (${value}) → ${reached.level}` });
  }
  const record = facts as Readonly<Record<string, unknown>>;
  for (const t of table.triggers) {
    if (record[t.field] !== t.value) continue;
    const mark = t.verified ? '' : ' [unverified]';
    hits.push({ level: t.level, reason: `${t.label.zh} / ${t.label.en} → ${t.level}${mark}` });
  }
  const level = hits.reduce<IncidentLevel>((best, h) => (RANK[h.level] < RANK[best] ? h.level : best), 'IV');
  const info = table.levels.find((l) => l.level === level) as IncidentLevelInfo;
  const reasons = hits.sort((a, b) => RANK[a.level] - RANK[b.level]).map((h) => h.reason);
  return { ...info, reasons: reasons.length > 0 ? reasons : ['未达到较大及以上任何分级标准 / no level I–III threshold applies → IV'] };
}
