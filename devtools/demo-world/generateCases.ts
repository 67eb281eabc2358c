/**
 * One bureau's administrative penalty cases (生态环境行政处罚案件). Mostly against enterprises in its
 * own area that are not on its positive list; a few against enterprises registered in a partner
 * bureau's area; ~15 % from a cross-border joint action; ~20 % found off-site from a pollution-source
 * station's data (the case then links that station). Case numbers run per year in filing order.
 */
import type {
  CaseProcedure, CaseRecord, CaseSource, CityCode, EnterpriseRecord, EpochMs, EvidenceType, PenaltyType, StationRecord,
} from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import { DAILY_PENALTY_BASIS, VIOLATIONS, type ViolationTemplate } from './caseTemplates.ts';
import { caseTimeline, type CaseOutcome } from './caseTimeline.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS, HOUR_MS, atCstHour, cstYear, isoDate, toMinute, toWorkingDay } from './cstTime.ts';
import { distanceToPolylineKm } from './geo.ts';
import { industryByName } from './industryData.ts';
import { jointActionRecord, jointActionsOf } from './jointActionData.ts';
import { localId, scaled } from './localId.ts';
import { cityFact } from './regionData.ts';
import { riverFact, riversOf } from './riverData.ts';
import { violationFacts } from './violationFacts.ts';

export const CASE_COUNT = 200;
/** How far back filings go. */
const HISTORY_DAYS = 900;

export interface CaseOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly until: EpochMs;
  readonly enterprises: readonly EnterpriseRecord[];
  /** The bureau's stations; ONLINE_MONITORING cases link one of its pollution sources. */
  readonly stations: readonly StationRecord[];
}

const onList = (e: EnterpriseRecord): boolean => e.positiveList !== null && e.positiveList.removedOn === null;
const mediumOf = (e: EnterpriseRecord): 'WATER' | 'GAS' => industryByName(e.industry).discharge;

function fits(t: ViolationTemplate, medium: 'WATER' | 'GAS'): boolean {
  return t.medium === 'ANY' || t.medium === medium;
}

function nearestRiverId(e: EnterpriseRecord): string | null {
  let best: { id: string; km: number } | null = null;
  for (const r of riversOf(e.cityCode)) {
    const km = distanceToPolylineKm(e.location, r.courses[e.cityCode] ?? []);
    if (!best || km < best.km) best = { id: r.record.id, km };
  }
  return best && best.km < 30 ? best.id : null;
}

export function generateCases(rng: Rng, { cityCode, scale, until, enterprises, stations }: CaseOptions): CaseRecord[] {
  const fact = cityFact(cityCode);
  const local = enterprises.filter((e) => e.cityCode === cityCode && !onList(e));
  const partnerFirms = enterprises.filter((e) => fact.partners.includes(e.cityCode) && !onList(e));
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e] as const));
  // Listed enterprises are supervised off-site precisely because they have a clean record: no cases.
  const sources = stations.filter((s) => {
    const host = s.kind === 'POLLUTION_SOURCE' ? byCode.get(s.enterpriseCreditCode ?? '') : undefined;
    return host !== undefined && !onList(host);
  });
  const actions = jointActionsOf(cityCode);
  if (local.length === 0) throw new RangeError(`bureau ${cityCode} has no enterprise to penalise`);

  const drafts: Omit<CaseRecord, 'id' | 'caseNumber'>[] = [];
  for (let i = 0, n = scaled(CASE_COUNT, scale); i < n; i++) {
    const r = rng.next();
    const joint = r < 0.15 && actions.length > 0;
    const online = !joint && r < 0.35 && sources.length > 0;
    const elsewhere = !joint && r >= 0.35 && r < 0.38 && partnerFirms.length > 0;
    const action = joint ? rng.pick(actions) : null;

    let station: StationRecord | null = null;
    let enterprise: EnterpriseRecord;
    if (online) {
      station = rng.pick(sources);
      enterprise = byCode.get(station.enterpriseCreditCode ?? '') ?? rng.pick(local);
    } else if (elsewhere || (action && action.mode === 'CROSS' && rng.chance(0.3) && partnerFirms.length > 0)) {
      enterprise = rng.pick(partnerFirms);
    } else {
      enterprise = rng.pick(local);
    }
    const medium = station ? (station.factors.some((f) => f.code === 'w00000') ? 'WATER' : 'GAS') : mediumOf(enterprise);
    const candidates = VIOLATIONS.filter((t) => fits(t, medium) && (!online || t.online) && !(joint && t.simplified));
    const template = rng.weighted(candidates.map((t) => [t, t.weight] as const));

    const source: CaseSource = online ? 'ONLINE_MONITORING' : joint ? (rng.chance(0.85) ? 'JOINT_ENFORCEMENT' : 'ONSITE_INSPECTION')
      : rng.weighted([['ONSITE_INSPECTION', 60], ['COMPLAINT', 25], ['TRANSFER', 15]] as const);
    const procedure: CaseProcedure = template.simplified ? 'SIMPLIFIED' : 'GENERAL';
    const outcome: CaseOutcome = procedure === 'SIMPLIFIED' ? 'ORDINARY'
      : rng.weighted([['NOT_REGISTERED', 2], ['TRANSFERRED', template.transferable ? 25 : 1], ['REVOKED', 1.5], ['ORDINARY', 95]] as const);

    // Filed on a working day between one day and ~2.5 years before `until`, more of them recently.
    let day = until - (1 + Math.floor(HISTORY_DAYS * rng.next() ** 1.25)) * DAY_MS;
    if (toWorkingDay(day) <= until - DAY_MS) day = toWorkingDay(day);
    const filedAt = Math.min(atCstHour(day, rng.float(9, 17.5)), toMinute(until - HOUR_MS));
    const discoveredAt = filedAt - (procedure === 'SIMPLIFIED' ? 0 : rng.int(1, 10) * DAY_MS);

    const warningOnly = procedure === 'SIMPLIFIED' && rng.chance(0.4);
    const timeline = caseTimeline(rng, { filedAt, until, procedure, outcome, warningOnly });
    const decisionStated = timeline.dates.informedAt !== null;

    const daily = template.online && template.fine !== null && template.fine.min >= 100_000 && procedure === 'GENERAL' && rng.chance(0.08);
    const dailyDays = daily ? rng.int(5, 30) : null;
    const { penaltyTypes, fineYuan } = penalty(rng, template, warningOnly, dailyDays);

    const riverId = (medium === 'WATER' ? station?.riverId ?? nearestRiverId(enterprise) : null) ?? action?.riverIds[0] ?? null;
    const year = cstYear(filedAt);
    const jointAction = action ? jointActionRecord(action, year) : null;
    const partners = jointAction ? jointAction.participantCityCodes.filter((c) => c !== cityCode) : [];

    drafts.push({
      cityCode,
      agency: fact.record.bureauName,
      enterpriseCreditCode: enterprise.creditCode,
      partyName: enterprise.name,
      permitNumber: template.noPermit || rng.chance(0.15) ? null : `${enterprise.creditCode}001P`,
      cause: daily ? `${template.cause}，拒不改正（按日连续处罚）` : template.cause,
      violationFacts: violationFacts(rng, {
        template, enterprise, source, discoveredAt, station, riverName: riverId ? riverFact(riverId).record.name : null,
        jointActionName: jointAction?.name ?? null, jointPartnerNames: partners.map((c) => cityFact(c).record.bureauName),
        agencyShortName: fact.record.bureauName, dailyPenaltyDays: dailyDays,
      }),
      violatedProvisions: template.violated,
      penaltyBasis: daily ? [DAILY_PENALTY_BASIS, ...template.basis] : template.basis,
      penaltyTypes: decisionStated ? penaltyTypes : [],
      fineYuan: decisionStated ? fineYuan : null,
      procedure,
      status: timeline.status,
      source,
      filedAt,
      dates: timeline.dates,
      evidence: evidence(rng, template, source, station, discoveredAt, fact.shortName, year),
      stationId: station?.id ?? null,
      riverId,
      joint,
      jointPartnerCityCodes: partners,
      jointAction,
      published: (['DECIDED', 'EXECUTING', 'CLOSED'] as const).some((s) => s === timeline.status) && rng.chance(0.92),
    });
  }

  // Ids and decision numbers in filing order; numbers restart each year and skip the bureau's other cases.
  drafts.sort((a, b) => a.filedAt - b.filedAt);
  const counters = new Map<number, number>();
  return drafts.map((d, i) => {
    const year = cstYear(d.filedAt);
    const n = (counters.get(year) ?? 0) + rng.int(1, 3);
    counters.set(year, n);
    return { id: encodeGlobalId('EnforcementCase', cityCode, localId('C', i + 1)), caseNumber: `${fact.casePrefix}〔${year}〕${n}号`, ...d };
  });
}

function penalty(rng: Rng, t: ViolationTemplate, warningOnly: boolean, dailyDays: number | null): { penaltyTypes: PenaltyType[]; fineYuan: number | null } {
  if (warningOnly || t.fine === null) return { penaltyTypes: ['WARNING'], fineYuan: null };
  const { min, max, step } = t.fine;
  // Discretion tiers cluster at the low end of the statutory range.
  const base = Math.min(max, Math.max(min, Math.round((min + (max - min) * rng.next() ** 2) / step) * step));
  const types: PenaltyType[] = ['FINE'];
  if (dailyDays !== null) types.push('DAILY_PENALTY');
  const extra = t.extras.length > 0 && rng.chance(0.3) ? rng.pick(t.extras) : null;
  if (extra && !types.includes(extra)) types.push(extra);
  return { penaltyTypes: types, fineYuan: dailyDays === null ? base : base * dailyDays };
}

const EVIDENCE_LABELS: Readonly<Record<EvidenceType, string>> = {
  INSPECTION_RECORD: '现场检查（勘察）笔录',
  INTERVIEW_RECORD: '调查询问笔录',
  MONITORING_REPORT: '监测报告',
  AUTOMATIC_MONITORING_DATA: '自动监控数据',
  ELECTRONIC_DATA: '自动监控平台运维记录及截图',
  EXAMINATION_RECORD: '勘验笔录',
  AUDIO_VISUAL: '执法记录仪视频',
};

function evidence(
  rng: Rng, t: ViolationTemplate, source: CaseSource, station: StationRecord | null, at: EpochMs, shortName: string, year: number,
): { type: EvidenceType; reference: string }[] {
  const types: EvidenceType[] = [...t.evidence];
  if (source === 'ONLINE_MONITORING' && !types.includes('AUTOMATIC_MONITORING_DATA')) types.unshift('AUTOMATIC_MONITORING_DATA');
  const date = isoDate(at);
  return types.map((type) => ({
    type,
    reference: type === 'MONITORING_REPORT'
      ? `${shortName}生态环境监测站监测报告（〔${year}〕第${rng.int(10, 999)}号）`
      : type === 'AUTOMATIC_MONITORING_DATA' && station
        ? `${EVIDENCE_LABELS[type]}（MN ${station.code}，${date}）`
        : `${EVIDENCE_LABELS[type]}（${date}）`,
  }));
}
