/**
 * One bureau's environmental emergency resources (环境应急资源): materials and equipment held at its
 * depots (government stores, enterprise stores, contract and stored-on-behalf reserves, one of them
 * by a cross-border section), its response teams and the experts on its roster
 * (《环境应急资源调查指南（试行）》; docs/incidents-and-resources.md).
 */
import type {
  CityCode, DepotRecord, EnterpriseRecord, EpochMs, ResourceCategory, ResourceRecord, ResourceStatus, SectionRecord,
} from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import { expertLabel } from '../../subgraphs/kit/separateExpertPerson.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS, isoDate, startOfIsoDate } from './cstTime.ts';
import { distanceKm, scatter } from './geo.ts';
import { localId, scaled } from './localId.ts';
import { mobilePhone, personName, roadAddress } from './namePool.ts';
import { cityFact, type CityFact } from './regionData.ts';
import { riverFact } from './riverData.ts';
import { EXPERT_EMPLOYERS, EXPERT_SPECIALITIES, RESOURCE_CATALOGUE, TEAM_KINDS } from './resourceCatalogue.ts';

export const RESOURCE_COUNT = 150;
const CATEGORIES: readonly ResourceCategory[] = [
  'SOURCE_CUTOFF', 'CONTAINMENT', 'COLLECTION', 'TREATMENT', 'PERSONAL_PROTECTION', 'COMMUNICATION_COMMAND', 'MONITORING',
];

export interface ResourceOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly until: EpochMs;
  readonly enterprises: readonly EnterpriseRecord[];
  readonly sections: readonly SectionRecord[];
}

interface Depot {
  readonly record: DepotRecord;
  readonly managingUnit: string;
  readonly contact: { readonly person: string; readonly phone: string };
}

type Draft = Omit<ResourceRecord, 'id'>;

function addressNear(rng: Rng, fact: CityFact, at: { longitude: number; latitude: number }): string {
  const county = fact.counties.reduce((b, c) => (distanceKm(at, c.seat) < distanceKm(at, b.seat) ? c : b));
  return `${fact.addressPrefix}${county.name}${rng.pick(county.towns)}${roadAddress(rng)}`;
}

function buildDepots(rng: Rng, fact: CityFact, count: number, firms: readonly EnterpriseRecord[], sections: readonly SectionRecord[]): Depot[] {
  const bureau = fact.record.bureauName;
  const code = fact.record.code;
  const keeper = () => ({ person: personName(rng), phone: mobilePhone(rng) });
  const depot = (name: string, ownerType: DepotRecord['ownerType'], storageMode: DepotRecord['storageMode'], at: { longitude: number; latitude: number }, managingUnit: string, address?: string): Depot => ({
    record: { code: '', name, ownerType, storageMode, address: address ?? addressNear(rng, fact, at), location: at },
    managingUnit,
    contact: keeper(),
  });
  const depots: Depot[] = [depot(`${fact.shortName}环境应急物资储备库`, 'GOVERNMENT', 'SELF', scatter(rng, fact.record.location, 5, 1), bureau)];
  // A store where the bureau's reach of a shared river meets the border, for the first hours of a border incident.
  const border = sections.filter((s) => s.boundaryType === 'PROVINCIAL' && (s.upstreamCityCode === code || s.downstreamCityCode === code));
  if (border.length > 0 && depots.length < count) {
    const s = rng.pick(border);
    const river = riverFact(s.riverId);
    const course = river.courses[code] ?? [s.location];
    const end = (s.upstreamCityCode === code ? course[course.length - 1] : course[0]) ?? s.location;
    depots.push(depot(`${river.record.name}${s.name}断面跨界应急物资储备点`, 'GOVERNMENT', rng.pick(['SELF', 'ON_BEHALF'] as const), scatter(rng, end, 2, 0.3), bureau));
  }
  while (depots.length < count) {
    const firm = firms.length > 0 ? rng.pick(firms) : null;
    const county = rng.pick(fact.counties);
    const kind = rng.weighted([['enterprise', firm ? 3 : 0], ['onBehalf', firm ? 2 : 0], ['contract', 2], ['county', fact.counties.length > 1 ? 2 : 0.5]] as const);
    if (kind === 'enterprise' && firm) depots.push(depot(`${firm.name}应急物资库`, 'ENTERPRISE', 'SELF', scatter(rng, firm.location, 0.5), firm.name, firm.address));
    else if (kind === 'onBehalf' && firm) depots.push(depot(`${fact.shortName}环境应急物资代储点（${firm.name}）`, 'GOVERNMENT', 'ON_BEHALF', scatter(rng, firm.location, 0.5), bureau, firm.address));
    else if (kind === 'contract') depots.push(depot(`${county.name}${rng.pick(county.towns)}应急物资协议储备点`, 'GOVERNMENT', 'CONTRACT', scatter(rng, county.seat, 8, 1), bureau));
    else depots.push(depot(`${county.name}环境应急物资储备库（${depots.length + 1}号）`, 'GOVERNMENT', 'SELF', scatter(rng, county.seat, 4, 0.5), bureau));
  }
  return depots.map((d, i) => ({ ...d, record: { ...d.record, code: `${code}-YJK-${String(i + 1).padStart(2, '0')}` } }));
}

export function generateResources(rng: Rng, { cityCode, scale, until, enterprises, sections }: ResourceOptions): ResourceRecord[] {
  const fact = cityFact(cityCode);
  const firms = enterprises.filter((e) => e.cityCode === cityCode);
  const total = scaled(RESOURCE_COUNT, scale);
  const teams = Math.min(total, scaled(12, scale));
  const experts = Math.min(total - teams, scaled(18, scale, 0));
  const depots = buildDepots(rng, fact, scaled(7, scale, 2), firms, sections);
  const drafts: Draft[] = [];

  const sharedRivers = sections.filter((s) => s.boundaryType === 'PROVINCIAL' && (s.upstreamCityCode === cityCode || s.downstreamCityCode === cityCode));
  for (let i = 0; i < teams; i++) {
    const kind = rng.pick(TEAM_KINDS);
    const firm = kind.name.includes('{enterprise}') && firms.length > 0 ? rng.pick(firms) : null;
    const border = kind.name.includes('{river}') && sharedRivers.length > 0 ? rng.pick(sharedRivers) : null;
    const area = rng.chance(0.6) ? fact.shortName : rng.pick(fact.counties).name;
    const name = kind.name
      .replace('{area}', area)
      .replace('{enterprise}', firm?.name ?? fact.shortName)
      .replace('{river}', border ? riverFact(border.riverId).record.name : fact.shortName);
    const leader = { person: personName(rng), phone: mobilePhone(rng) };
    drafts.push({
      cityCode, name, category: kind.category, kind: 'TEAM', specification: kind.specification,
      quantity: rng.int(8, 60), unit: '人', managingUnit: firm?.name ?? fact.record.bureauName, depot: null,
      location: border ? scatter(rng, border.location, 3) : firm ? firm.location : scatter(rng, fact.record.location, 6),
      expiresOn: null, status: rng.chance(0.04) ? 'IN_USE' : 'AVAILABLE', contact: leader,
    });
  }

  const employers = EXPERT_EMPLOYERS.filter((e) => rng.chance(e.province === fact.record.province ? 0.9 : 0.4));
  for (let i = 0; i < experts; i++) {
    const [speciality, category] = rng.pick(EXPERT_SPECIALITIES);
    const local = rng.chance(0.3) || employers.length === 0;
    const employer = local ? { name: `${fact.shortName}生态环境监测站`, location: scatter(rng, fact.record.location, 4) } : rng.pick(employers);
    // The person is the contact (emergency:contacts); the resource is named by its speciality.
    const person = personName(rng);
    drafts.push({
      cityCode, name: expertLabel(speciality), category, kind: 'EXPERT', specification: speciality, quantity: 1, unit: '人',
      managingUnit: employer.name, depot: null, location: local ? employer.location : scatter(rng, employer.location, 1),
      expiresOn: null, status: rng.chance(0.03) ? 'IN_USE' : 'AVAILABLE', contact: { person, phone: mobilePhone(rng) },
    });
  }

  const stock = total - teams - experts;
  for (let i = 0; i < stock; i++) {
    // The first seven cover every category once; the rest are drawn from the whole catalogue.
    const pool = i < CATEGORIES.length ? RESOURCE_CATALOGUE.filter((c) => c.category === CATEGORIES[i]) : RESOURCE_CATALOGUE;
    const item = rng.pick(pool);
    const depot = rng.weighted(depots.map((d, k) => [d, k === 0 ? 3 : 1] as const));
    const [lo, hi] = item.quantity;
    const quantity = item.decimals ? Math.round(rng.float(lo, hi) * 10 ** item.decimals) / 10 ** item.decimals : rng.int(lo, hi);
    let expiresOn: string | null = null;
    let status: ResourceStatus = rng.chance(item.kind === 'EQUIPMENT' ? 0.05 : 0) ? 'MAINTENANCE' : rng.chance(0.03) ? 'IN_USE' : 'AVAILABLE';
    if (item.shelfLifeMonths) {
      const shelfDays = item.shelfLifeMonths * 30.44;
      const purchased = until - rng.float(0, shelfDays + 90) * DAY_MS;
      expiresOn = isoDate(purchased + shelfDays * DAY_MS);
      if (startOfIsoDate(expiresOn) < until) status = 'EXPIRED';
    }
    drafts.push({
      cityCode, name: item.name, category: item.category, kind: item.kind, specification: rng.pick(item.specifications),
      quantity, unit: item.unit, managingUnit: depot.managingUnit, depot: depot.record, location: depot.record.location,
      expiresOn, status, contact: depot.contact,
    });
  }

  return rng.shuffle(drafts).map((d, i) => ({ id: encodeGlobalId('EmergencyResource', cityCode, localId('R', i + 1)), ...d }));
}
