/**
 * One bureau's jointly planned environmental projects (共建项目) with their EIAs. Dates are
 * consistent with the status at `until`: completed projects finished before it, projects under
 * construction started before it and report progress roughly in proportion to the time elapsed,
 * approved and planned ones start later; an EIA is approved before construction starts, and
 * approval numbers run in date order per authority and year.
 */
import type { CityCode, EiaRecord, EpochMs, ProjectRecord } from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS, cstYear, startOfIsoDate, toMinute } from './cstTime.ts';
import { draftProject, type ProjectDraft } from './draftProject.ts';
import { localId, scaled } from './localId.ts';
import { ANCHOR_PROJECTS, PROJECT_TEMPLATES } from './projectTemplates.ts';
import { BUREAU_CODES, cityFact } from './regionData.ts';
import { riversOf } from './riverData.ts';

export const PROJECT_COUNT = 50;

export interface ProjectOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly until: EpochMs;
}

export function generateProjects(rng: Rng, { cityCode, scale, until }: ProjectOptions): ProjectRecord[] {
  const fact = cityFact(cityCode);
  const anchors = ANCHOR_PROJECTS.filter((a) => a.cityCode === cityCode);
  const count = Math.max(anchors.length, scaled(PROJECT_COUNT, scale));
  const rivers = riversOf(cityCode);
  const names = new Set<string>();
  const codes = new Set<string>();
  const drafts: ProjectDraft[] = [];

  const projectCode = (year: number, area: string, industry: string): string => {
    let code = '';
    do code = `${year}-${area}-${industry}-${rng.chance(0.8) ? '01' : '03'}-${String(rng.int(1, 999999)).padStart(6, '0')}`;
    while (codes.has(code));
    codes.add(code);
    return code;
  };

  for (const a of anchors) {
    names.add(a.name);
    const approvedAt = startOfIsoDate(a.eia.approvedOn);
    drafts.push({
      record: {
        id: '', cityCode, code: projectCode(cstYear(startOfIsoDate(a.eia.submittedOn)), cityCode, '48'),
        name: a.name, category: a.category, status: a.status, jointlyPlanned: a.partnerCityCodes.length > 0,
        partnerCityCodes: a.partnerCityCodes, riverIds: a.riverIds, investmentWanYuan: a.investmentWanYuan,
        progressPercent: a.progressPercent, plannedStart: a.plannedStart, plannedCompletion: a.plannedCompletion,
        description: a.description, location: a.location,
      },
      eia: {
        documentType: a.eia.documentType, status: 'APPROVED', authority: fact.provincialAuthority,
        submittedOn: a.eia.submittedOn, approvedOn: a.eia.approvedOn, prefix: fact.provincialEiaPrefix,
      },
      approvedAt,
    });
  }

  while (drafts.length < count) {
    const template = rng.pick(PROJECT_TEMPLATES);
    const river = rivers.length > 0 ? rng.pick(rivers) : null;
    const county = rng.pick(fact.counties);
    const town = rng.pick(county.towns);
    const place = rng.chance(0.5) ? county.name : town;
    let name = rng.pick(template.names)
      .replace('{river}', river?.record.name ?? county.name)
      .replace('{place}', place)
      .replace('{park}', rng.pick(fact.industrialParks));
    const plain = name;
    for (let phase = 2; names.has(name); phase++) name = `${plain}（${phase <= 5 ? '二三四五'[phase - 2] : phase}期）`;
    names.add(name);
    drafts.push(draftProject(rng, { cityCode, until, template, name, riverId: river?.record.id ?? null, county, town, projectCode }));
  }

  // Approval numbers in date order per prefix and year; residues keep shared authorities' numbers apart.
  const bureauIndex = (BUREAU_CODES as readonly string[]).indexOf(cityCode);
  const counters = new Map<string, number>();
  const approved = drafts.filter((d) => d.eia?.status === 'APPROVED' && d.approvedAt !== null)
    .sort((a, b) => (a.approvedAt as number) - (b.approvedAt as number));
  const numbers = new Map<ProjectDraft, string>();
  for (const d of approved) {
    const year = cstYear(d.approvedAt as number);
    if (d.eia?.prefix === null) {
      numbers.set(d, `${year}${cityCode}${String(rng.int(1, 99_999_999)).padStart(8, '0')}`);
      continue;
    }
    const key = `${d.eia?.prefix}${year}`;
    const k = (counters.get(key) ?? rng.int(0, 3)) + rng.int(1, 4);
    counters.set(key, k);
    numbers.set(d, `${d.eia?.prefix}〔${year}〕${k * BUREAU_CODES.length + bureauIndex + 1}号`);
  }

  return drafts.map((d, i) => {
    const events = [d.record.plannedStart, d.eia?.submittedOn, d.eia?.approvedOn, d.record.plannedCompletion]
      .filter((x): x is string => typeof x === 'string').map(startOfIsoDate).filter((t) => t <= until);
    const lastEvent = Math.max(until - 400 * DAY_MS, ...events);
    const eia: EiaRecord | null = d.eia === null ? null : {
      documentType: d.eia.documentType, status: d.eia.status, authority: d.eia.authority,
      approvalNumber: numbers.get(d) ?? null, submittedOn: d.eia.submittedOn, approvedOn: d.eia.approvedOn,
    };
    return {
      ...d.record,
      id: encodeGlobalId('Project', cityCode, localId('P', i + 1)),
      eia,
      updatedAt: toMinute(rng.int(Math.min(lastEvent + 3_600_000, until), until)),
    };
  });
}
