/**
 * The seeded world: the region's reference data and, per bureau, its projects, stations, cases,
 * patrols, emergency resources and lazily generated readings. Pure and deterministic: the same
 * options give deep-equal worlds. Every part draws from its own named stream
 * (`<seed>/<bureau>/<domain>`), so changing one domain's generation does not reshuffle the others.
 */
import type { CityCode, EpochMs } from '../../subgraphs/kit/model.ts';
import { createRng } from './createRng.ts';
import { DAY_MS, cstTime } from './cstTime.ts';
import { generateCases } from './generateCases.ts';
import { generatePatrols } from './generatePatrols.ts';
import { generateProjects } from './generateProjects.ts';
import { generateRegion, type RegionData } from './generateRegion.ts';
import { generateResources } from './generateResources.ts';
import { generateStations } from './generateStations.ts';
import { buildReadingProfiles } from './readingProfiles.ts';
import { BUREAU_CODES } from './regionData.ts';
import { SeededBureau, type BureauData } from './SeededBureau.ts';

export { BUREAU_CODES } from './regionData.ts';
export type { RegionData } from './generateRegion.ts';
export type { BureauData } from './SeededBureau.ts';

/** Bump when the same options would generate different data, so stored worlds get regenerated. */
export const GENERATOR_VERSION = '3'; // 3: daily readings for the months before the readings period

export interface WorldOptions {
  /** @default 'chengyu-ecograph' */
  readonly seed?: string | number;
  /**
   * Multiplies every per-bureau count (20 stations, 50 projects, 200 cases, 15 patrols, 150 resources
   * and the registry); each count stays at least 1. @default 1
   */
  readonly scale?: number;
  /** End of the readings period (inclusive); every generated time is at or before it. */
  readonly until: EpochMs;
  /** Length of the readings period in days. @default 90 */
  readonly days?: number;
  /**
   * Daily readings (HJ 212 CN 2031) before the period, from 00:00 CST on the 1st of the month this many
   * calendar months before `until`'s month, so every one of the last `historyMonths` whole months has
   * data; 0 for none. @default 12
   */
  readonly historyMonths?: number;
}

export interface World {
  readonly seed: string;
  readonly scale: number;
  /** The readings period, both ends inclusive: readings at each station's own interval. */
  readonly period: { readonly from: EpochMs; readonly until: EpochMs };
  /**
   * Daily readings cover the CST days starting in [from, until) (until = period.from; the last of them
   * the day the period starts in). Empty (from = until) when `historyMonths` is 0 or reaches no further back.
   */
  readonly history: { readonly from: EpochMs; readonly until: EpochMs };
  readonly region: RegionData;
  readonly bureaus: Readonly<Record<CityCode, BureauData>>;
}

export function generateWorld({ seed = 'chengyu-ecograph', scale = 1, until, days = 90, historyMonths = 12 }: WorldOptions): World {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  if (!Number.isFinite(until)) throw new RangeError('until must be epoch milliseconds');
  if (!(days > 0)) throw new RangeError(`days must be positive, got ${days}`);
  if (!Number.isInteger(historyMonths) || historyMonths < 0) throw new RangeError(`historyMonths must be a whole number ≥ 0, got ${historyMonths}`);
  const root = createRng(String(seed));
  const period = { from: until - days * DAY_MS, until };
  const history = { from: Math.min(period.from, historyStart(until, historyMonths)), until: period.from };
  const region = generateRegion(root.fork('region'), { scale, until });

  const bureaus: Record<CityCode, BureauData> = {};
  for (const cityCode of BUREAU_CODES) {
    const rng = root.fork(cityCode);
    const { sections, enterprises } = region;
    const stations = generateStations(rng.fork('stations'), { cityCode, scale, sections, enterprises });
    const profiles = buildReadingProfiles(rng.fork('readings'), { cityCode, stations, sections, enterprises, period });
    bureaus[cityCode] = new SeededBureau({
      cityCode,
      projects: generateProjects(rng.fork('projects'), { cityCode, scale, until }),
      stations,
      cases: generateCases(rng.fork('cases'), { cityCode, scale, until, enterprises, stations }),
      patrols: generatePatrols(rng.fork('patrols'), { cityCode, scale, until }),
      resources: generateResources(rng.fork('resources'), { cityCode, scale, until, enterprises, sections }),
    }, profiles, period, history);
  }
  return { seed: String(seed), scale, period, history, region, bureaus };
}

/** 00:00 CST on the 1st of the month `months` calendar months before the month of `until`. */
function historyStart(until: EpochMs, months: number): EpochMs {
  const cst = new Date(until + 8 * 3_600_000);
  return cstTime(cst.getUTCFullYear(), cst.getUTCMonth() + 1 - months, 1);
}
