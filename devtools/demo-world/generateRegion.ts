/**
 * The region subgraph's reference data: the six areas, the rivers, the assessment sections (each
 * pointing at the water station its owning bureau runs for it) and the enterprise registry.
 */
import type { CityRecord, EnterpriseRecord, EpochMs, RiverRecord, SectionRecord } from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import type { Rng } from './createRng.ts';
import { generateEnterprises } from './generateEnterprises.ts';
import { localId } from './localId.ts';
import { BUREAU_CODES, CITY_FACTS } from './regionData.ts';
import { RIVER_FACTS } from './riverData.ts';
import { SECTION_FACTS } from './sectionData.ts';

export interface RegionData {
  readonly cities: readonly CityRecord[];
  readonly rivers: readonly RiverRecord[];
  readonly sections: readonly SectionRecord[];
  /** Sorted by credit code. */
  readonly enterprises: readonly EnterpriseRecord[];
}

export interface RegionOptions {
  readonly scale: number;
  readonly until: EpochMs;
}

/**
 * A section's station is the owning bureau's ST0001, ST0002 … in table order: the bureau's station
 * generator creates exactly these ids first, so the region can name them without seeing the stations.
 */
export function sectionStationIds(): ReadonlyMap<string, { readonly cityCode: string; readonly id: string }> {
  const next = new Map<string, number>();
  const ids = new Map<string, { cityCode: string; id: string }>();
  for (const s of SECTION_FACTS) {
    const n = (next.get(s.owner) ?? 0) + 1;
    next.set(s.owner, n);
    ids.set(s.id, { cityCode: s.owner, id: encodeGlobalId('Station', s.owner, localId('ST', n)) });
  }
  return ids;
}

export function generateRegion(rng: Rng, { scale, until }: RegionOptions): RegionData {
  const stationIds = sectionStationIds();
  const sections: SectionRecord[] = SECTION_FACTS.map((s) => ({
    id: s.id,
    name: s.name,
    riverId: s.riverId,
    controlLevel: s.controlLevel,
    boundaryType: s.boundaryType,
    upstreamCityCode: s.upstreamCityCode,
    downstreamCityCode: s.downstreamCityCode,
    targetClass: s.targetClass,
    station: stationIds.get(s.id) ?? null,
    location: s.location,
  }));

  const usedNames = new Set<string>();
  const enterprises = BUREAU_CODES.flatMap((code) =>
    generateEnterprises(rng.fork(`${code}/enterprises`), { cityCode: code, scale, until, usedNames }),
  ).sort((a, b) => (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));

  return {
    cities: BUREAU_CODES.map((code) => CITY_FACTS[code].record),
    rivers: RIVER_FACTS.map((r) => r.record),
    sections,
    enterprises,
  };
}
