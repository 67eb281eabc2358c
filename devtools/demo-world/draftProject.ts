/**
 * One project of a bureau drafted from a template: a status drawn for `until` and dates, progress and
 * EIA consistent with it. Approval numbers are given later, in date order, by `generateProjects`.
 */
import type { CityCode, EiaRecord, EpochMs, ProjectRecord, ProjectStatus } from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS, cstYear, isoDate } from './cstTime.ts';
import { alongPolyline, distanceKm, scatter } from './geo.ts';
import type { ProjectTemplate } from './projectTemplates.ts';
import { cityFact, type CountyFact } from './regionData.ts';
import { riverFact } from './riverData.ts';

const YEAR_MS = 365.25 * DAY_MS;

const STATUS_WEIGHTS: ReadonlyArray<readonly [ProjectStatus, number]> = [
  ['COMPLETED', 30], ['UNDER_CONSTRUCTION', 30], ['APPROVED', 15], ['PLANNED', 20], ['SUSPENDED', 5],
];

/** A project before its id, approval number and last update are known. */
export interface ProjectDraft {
  record: Omit<ProjectRecord, 'eia' | 'updatedAt'>;
  /** `prefix` is the approval number's prefix; null for a registration form (备案号). */
  eia: (Omit<EiaRecord, 'approvalNumber'> & { prefix: string | null }) | null;
  approvedAt: EpochMs | null;
}

export interface DraftContext {
  readonly cityCode: CityCode;
  readonly until: EpochMs;
  readonly template: ProjectTemplate;
  readonly name: string;
  readonly riverId: string | null;
  readonly county: CountyFact;
  readonly town: string;
  readonly projectCode: (year: number, area: string, industry: string) => string;
}

export function draftProject(rng: Rng, c: DraftContext): ProjectDraft {
  const fact = cityFact(c.cityCode);
  const t = c.template;
  const status = rng.weighted(STATUS_WEIGHTS);
  const investment = Math.round(Math.exp(rng.float(Math.log(t.investment[0]), Math.log(t.investment[1]))));

  let start: EpochMs | null;
  let completion: EpochMs | null;
  let progress = 0;
  switch (status) {
    case 'COMPLETED':
      completion = c.until - rng.float(0.1, 3) * YEAR_MS;
      start = completion - rng.float(0.5, 2.5) * YEAR_MS;
      progress = 100;
      break;
    case 'UNDER_CONSTRUCTION': {
      start = c.until - rng.float(0.2, 3) * YEAR_MS;
      completion = c.until + rng.float(0.2, 2) * YEAR_MS;
      const elapsed = (c.until - start) / (completion - start);
      progress = Math.min(95, Math.max(5, Math.round(elapsed * 100 * rng.float(0.8, 1.1))));
      break;
    }
    case 'APPROVED':
      start = c.until + rng.float(0.05, 0.8) * YEAR_MS;
      completion = start + rng.float(1, 3) * YEAR_MS;
      progress = rng.chance(0.3) ? rng.int(1, 5) : 0;
      break;
    case 'PLANNED':
      start = rng.chance(0.5) ? null : c.until + rng.float(0.3, 2) * YEAR_MS;
      completion = start === null ? null : start + rng.float(1, 3) * YEAR_MS;
      break;
    case 'SUSPENDED':
      start = c.until - rng.float(1, 4) * YEAR_MS;
      completion = start + rng.float(1, 3) * YEAR_MS;
      progress = rng.int(10, 60);
      break;
  }

  const joint = rng.chance(0.45) && fact.partners.length > 0;
  const partners = joint ? rng.sample(fact.partners, rng.int(1, fact.partners.length)) : [];
  const riverIds = c.riverId && (t.category !== 'AIR_POLLUTION_CONTROL' && t.category !== 'SOLID_WASTE' || rng.chance(0.2))
    ? [c.riverId] : [];
  const course = c.riverId ? riverFact(c.riverId).courses[c.cityCode] : undefined;
  const location = riverIds.length > 0 && course ? alongPolyline(course, rng.float(0.05, 0.95)) : scatter(rng, c.county.seat, 8);
  const nearest = fact.counties.reduce((b, x) => (distanceKm(location, x.seat) < distanceKm(location, b.seat) ? x : b));

  let eia: ProjectDraft['eia'] = null;
  let approvedAt: EpochMs | null = null;
  let firstDate = start ?? c.until;
  if (t.eia !== null || investment > 5000) {
    const documentType = t.eia === 'REPORT_FORM' && investment > 50000 ? 'REPORT_BOOK' : t.eia ?? 'REPORT_FORM';
    const provincial = documentType === 'REPORT_BOOK';
    const authority = provincial ? fact.provincialAuthority : fact.record.bureauName;
    const prefix = documentType === 'REGISTRATION_FORM' ? null : provincial ? fact.provincialEiaPrefix : fact.eiaPrefix;
    const plannedOrApproved = status === 'PLANNED' || status === 'APPROVED';
    const eiaStatus = status === 'PLANNED'
      ? rng.weighted([['NOT_STARTED', 3], ['PREPARING', 4], ['SUBMITTED', 2], ['PUBLIC_COMMENT', 1]] as const)
      : status === 'SUSPENDED' && rng.chance(0.25) ? 'REJECTED' : 'APPROVED';
    if (eiaStatus === 'APPROVED' || eiaStatus === 'REJECTED') {
      const latest = Math.min(c.until - DAY_MS, (start ?? c.until) - rng.float(10, 200) * DAY_MS);
      approvedAt = plannedOrApproved ? c.until - rng.float(5, 240) * DAY_MS : latest;
      const submittedAt = approvedAt - rng.float(20, 90) * DAY_MS;
      firstDate = Math.min(firstDate, submittedAt);
      eia = {
        documentType, status: eiaStatus, authority, prefix,
        submittedOn: isoDate(submittedAt), approvedOn: eiaStatus === 'APPROVED' ? isoDate(approvedAt) : null,
      };
      if (eiaStatus === 'REJECTED') approvedAt = null;
    } else {
      const submittedAt = eiaStatus === 'SUBMITTED' || eiaStatus === 'PUBLIC_COMMENT' ? c.until - rng.float(5, 60) * DAY_MS : null;
      eia = { documentType, status: eiaStatus, authority, prefix, submittedOn: submittedAt === null ? null : isoDate(submittedAt), approvedOn: null };
    }
  }

  const partnerNames = partners.map((p) => cityFact(p).record.name).join('、');
  return {
    record: {
      id: '', cityCode: c.cityCode,
      code: c.projectCode(cstYear(Math.min(firstDate, c.until)), nearest.code, t.industryCode),
      name: c.name, category: t.category, status, jointlyPlanned: joint, partnerCityCodes: partners, riverIds,
      investmentWanYuan: investment, progressPercent: progress,
      plannedStart: start === null ? null : isoDate(start),
      plannedCompletion: completion === null ? null : isoDate(completion),
      description: `项目位于${fact.addressPrefix}${nearest.name}${c.town}。${t.summary}${joint ? `川渝联合谋划，与${partnerNames}协同推进。` : ''}`,
      location,
    },
    eia,
    approvedAt,
  };
}
