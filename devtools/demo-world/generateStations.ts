/**
 * One bureau's automatic monitoring stations: first the water stations of the assessment sections it
 * runs (ids fixed by the region, see `sectionStationIds`), then more water stations on its rivers,
 * ambient air stations around the city, and pollution-source outlets at its enterprises. Station codes
 * are 24-character HJ 212 MNs: county code (6) + two letters + a 16-digit serial.
 */
import type { CityCode, EnterpriseRecord, GeoPoint, SectionRecord, StationRecord } from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import type { Rng } from './createRng.ts';
import { AMBIENT_AIR_FACTORS, SURFACE_WATER_FACTORS, WASTE_GAS_FACTORS, WASTE_WATER_FACTORS } from './factorCatalogue.ts';
import { distanceKm, distanceToPolylineKm, alongPolyline, scatter } from './geo.ts';
import { industryByName } from './industryData.ts';
import { localId, scaled } from './localId.ts';
import { cityFact, type CountyFact } from './regionData.ts';
import { riverFact, riversOf } from './riverData.ts';
import { SECTION_FACTS } from './sectionData.ts';

/** Per bureau at scale 1: 6 water, 6 air and 8 pollution-source stations. */
export const STATION_COUNTS = { water: 6, air: 6, source: 8 } as const;

export interface StationOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly sections: readonly SectionRecord[];
  /** The registry; sources are placed at the bureau's own enterprises. */
  readonly enterprises: readonly EnterpriseRecord[];
}

const GAS_OUTLETS: Readonly<Record<string, string>> = {
  火力发电: '1#机组脱硫脱硝出口',
  水泥制造: '窑尾烟囱排放口',
  平板玻璃制造: '熔窑烟气排放口',
  陶瓷制品制造: '窑炉烟气排放口',
  危险废物治理: '焚烧炉烟气排放口',
};

function protocolVersion(rng: Rng): string {
  return rng.chance(0.12) ? 'HJ 212-2025' : 'HJ 212-2017';
}

export function generateStations(rng: Rng, { cityCode, scale, sections, enterprises }: StationOptions): StationRecord[] {
  const fact = cityFact(cityCode);
  const serials = new Map<string, number>();
  const mn = (countyCode: string, tag: string): string => {
    const n = (serials.get(countyCode + tag) ?? 0) + 1;
    serials.set(countyCode + tag, n);
    return `${countyCode}${tag}${String(n).padStart(16, '0')}`;
  };
  const nearestCounty = (at: GeoPoint): CountyFact =>
    fact.counties.reduce((best, c) => (distanceKm(at, c.seat) < distanceKm(at, best.seat) ? c : best));
  const stations: StationRecord[] = [];
  const names = new Set<string>();
  const uniqueName = (name: string): string => {
    let candidate = name;
    for (let k = 2; names.has(candidate); k++) candidate = name.replace(/站$/, `${k}号站`);
    names.add(candidate);
    return candidate;
  };

  // 1. The sections' stations, with the ids the region already refers to.
  const owned = sections.filter((s) => s.station?.cityCode === cityCode);
  for (const section of owned) {
    const s = SECTION_FACTS.find((x) => x.id === section.id);
    if (!s || !section.station) continue;
    const county = fact.counties.find((c) => c.code === s.countyCode) ?? nearestCounty(s.location);
    stations.push({
      id: section.station.id,
      cityCode,
      code: mn(s.countyCode, s.mnTag),
      name: uniqueName(`${section.name}水质自动监测站`),
      kind: 'WATER_QUALITY',
      riverId: section.riverId,
      location: section.location,
      address: `${fact.addressPrefix}${county.name}${s.town}${riverFact(section.riverId).record.name}${section.name}断面`,
      enterpriseCreditCode: null,
      sharedWithCityCodes: s.sharedWith,
      protocolVersion: 'HJ 212-2017',
      operating: true,
      interval: 'FOUR_HOURLY',
      factors: SURFACE_WATER_FACTORS,
    });
  }
  const nextId = (): string => encodeGlobalId('Station', cityCode, localId('ST', stations.length + 1));

  // 2. More water stations along the bureau's own reaches.
  const rivers = riversOf(cityCode);
  const extraWater = Math.max(owned.length, scaled(STATION_COUNTS.water, scale)) - owned.length;
  for (let i = 0; i < extraWater && rivers.length > 0; i++) {
    const river = rivers[i % rivers.length] as (typeof rivers)[number];
    const course = river.courses[cityCode] ?? [];
    const at = alongPolyline(course, rng.float(0.1, 0.9));
    const county = nearestCounty(at);
    const town = rng.pick(county.towns);
    stations.push({
      id: nextId(),
      cityCode,
      code: mn(county.code, 'SZ'),
      name: uniqueName(`${river.record.name}${town.replace(/(镇|街道)$/, '')}水质自动监测站`),
      kind: 'WATER_QUALITY',
      riverId: river.record.id,
      location: at,
      address: `${fact.addressPrefix}${county.name}${town}${river.record.name}岸边`,
      enterpriseCreditCode: null,
      sharedWithCityCodes: [],
      protocolVersion: protocolVersion(rng),
      operating: rng.chance(0.95),
      interval: 'FOUR_HOURLY',
      factors: SURFACE_WATER_FACTORS,
    });
  }

  // 3. Ambient air stations in and around the urban area.
  const sites = rng.shuffle(fact.airSites);
  const airCount = scaled(STATION_COUNTS.air, scale);
  for (let i = 0; i < airCount; i++) {
    const at = scatter(rng, fact.record.location, Math.min(12, fact.radiusKm / 2), 0.5);
    const county = nearestCounty(at);
    const site = sites[i % sites.length] as string;
    stations.push({
      id: nextId(),
      cityCode,
      code: mn(county.code, 'AQ'),
      name: uniqueName(`${fact.shortName}${site}空气质量自动监测站`),
      kind: 'AIR_QUALITY',
      riverId: null,
      location: at,
      address: `${fact.addressPrefix}${county.name}${rng.pick(county.towns)}${site}`,
      enterpriseCreditCode: null,
      sharedWithCityCodes: [],
      protocolVersion: protocolVersion(rng),
      operating: rng.chance(0.97),
      interval: 'HOURLY',
      factors: AMBIENT_AIR_FACTORS,
    });
  }

  // 4. Pollution-source outlets at the bureau's enterprises (one outlet per enterprise).
  const local = enterprises.filter((e) => e.cityCode === cityCode);
  const hosts = rng.sample(local, Math.min(local.length, scaled(STATION_COUNTS.source, scale)));
  for (const enterprise of hosts) {
    const industry = industryByName(enterprise.industry);
    const water = industry.discharge === 'WATER';
    const nearestRiver = rivers.length === 0 ? null : rivers.reduce((best, r) =>
      distanceToPolylineKm(enterprise.location, r.courses[cityCode] ?? []) <
      distanceToPolylineKm(enterprise.location, best.courses[cityCode] ?? []) ? r : best);
    stations.push({
      id: nextId(),
      cityCode,
      code: mn(enterprise.creditCode.slice(2, 8), water ? 'WW' : 'WG'),
      name: uniqueName(`${enterprise.name}${water ? '废水总排口' : GAS_OUTLETS[industry.name] ?? '1#锅炉烟气排放口'}`),
      kind: 'POLLUTION_SOURCE',
      riverId: water ? nearestRiver?.record.id ?? null : null,
      location: scatter(rng, enterprise.location, 0.3, 0.05),
      address: enterprise.address,
      enterpriseCreditCode: enterprise.creditCode,
      sharedWithCityCodes: [],
      protocolVersion: protocolVersion(rng),
      operating: rng.chance(0.95),
      interval: 'HOURLY',
      factors: water ? WASTE_WATER_FACTORS : WASTE_GAS_FACTORS,
    });
  }
  return stations;
}
