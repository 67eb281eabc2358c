/**
 * What makes one station's series its own: its baseline level per factor (derived from the section's
 * target class for water stations, the city's PM2.5 for air stations, the emission standard for
 * sources), the exceedance episodes of the few impaired water stations, and when a stopped station
 * last reported. `readingsFor` turns a profile into readings.
 */
import type {
  CityCode, EnterpriseRecord, EpochMs, SectionRecord, StationRecord, WaterClass,
} from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS } from './cstTime.ts';
import { classLimit } from './gb3838Limits.ts';
import { GAS_STANDARDS, WATER_STANDARDS, industryByName } from './industryData.ts';
import { riverFact } from './riverData.ts';
import { SECTION_FACTS } from './sectionData.ts';

/** A stretch of time in which one factor runs at `factor` times its baseline. */
export interface Episode {
  readonly code: string;
  readonly from: EpochMs;
  readonly until: EpochMs;
  readonly factor: number;
}

export interface ReadingProfile {
  /** Seed of the station's noise; readings are a pure function of it and the time. */
  readonly seed: string;
  /** The water class the station is held to (water stations). */
  readonly targetClass: WaterClass;
  /** Factor code → typical level in the station's unit. */
  readonly baseline: Readonly<Record<string, number>>;
  readonly episodes: readonly Episode[];
  /** No readings after this time (a station that has stopped operating). */
  readonly stoppedAt: EpochMs | null;
  /** A source that works a day shift (flow drops at night). */
  readonly dayShift: boolean;
}

/** Annual-mean PM2.5 around each city, µg/m³ (order of magnitude of recent bulletins). */
const CITY_PM25: Readonly<Record<CityCode, number>> = {
  '500000': 36, '500152': 32, '500153': 35, '510500': 38, '510900': 31, '511600': 33,
};

function waterBaseline(rng: Rng, target: WaterClass): Record<string, number> {
  const limit = (code: string): number => classLimit(code, target) ?? classLimit(code, 'III') ?? 1;
  return {
    w01010: rng.float(-1, 1), // offset from the regional water temperature
    w01001: rng.float(7.6, 8.1),
    w01003: rng.float(10, 40),
    w01014: rng.float(260, 480),
    w01019: limit('w01019') * rng.float(0.35, 0.55),
    w21003: limit('w21003') * rng.float(0.2, 0.4),
    w21011: limit('w21011') * rng.float(0.3, 0.5),
    w21001: rng.float(1.0, 2.2),
  };
}

function sourceBaseline(rng: Rng, station: StationRecord, enterprise: EnterpriseRecord | undefined): Record<string, number> {
  const industry = enterprise ? industryByName(enterprise.industry) : null;
  if (station.factors.some((f) => f.code === 'w00000')) {
    const limits: Record<string, number> = WATER_STANDARDS[industry?.waterStandard ?? 'general'].limits;
    return {
      w01018: (limits['w01018'] ?? 100) * rng.float(0.25, 0.5),
      w21003: (limits['w21003'] ?? 15) * rng.float(0.1, 0.35),
      w21011: (limits['w21011'] ?? 0.5) * rng.float(0.2, 0.45),
      w01001: rng.float(6.9, 7.8),
      w00000: industry?.name.startsWith('污水处理') ? rng.float(50, 300) : rng.float(3, 60),
    };
  }
  const limits: Record<string, number> = GAS_STANDARDS[industry?.gasStandard ?? 'boiler'].limits;
  return {
    a21026: (limits['a21026'] ?? 200) * rng.float(0.15, 0.45),
    a21002: (limits['a21002'] ?? 200) * rng.float(0.3, 0.6),
    a34013: (limits['a34013'] ?? 30) * rng.float(0.15, 0.4),
    a00000: rng.float(15, 150),
  };
}

/** A profile from the station alone, for readings asked outside a generated world. */
export function defaultReadingProfile(station: StationRecord): ReadingProfile {
  return {
    seed: station.id,
    targetClass: 'III',
    baseline: {},
    episodes: [],
    stoppedAt: null,
    dayShift: false,
  };
}

export interface ProfileOptions {
  readonly cityCode: CityCode;
  readonly stations: readonly StationRecord[];
  readonly sections: readonly SectionRecord[];
  readonly enterprises: readonly EnterpriseRecord[];
  readonly period: { readonly from: EpochMs; readonly until: EpochMs };
}

/**
 * Profiles of one bureau's stations. One water station per bureau misses its target on NH3-N or TP for
 * about 60 % of the period, enough that the period mean misses too: the section marked `atRisk`, or
 * else one of the bureau's non-section water stations.
 */
export function buildReadingProfiles(rng: Rng, { cityCode, stations, sections, enterprises, period }: ProfileOptions): Map<string, ReadingProfile> {
  const sectionByStation = new Map(sections.filter((s) => s.station).map((s) => [s.station?.id, s] as const));
  const riskByStation = new Map<string, 'w21003' | 'w21011'>();
  for (const s of SECTION_FACTS) {
    const section = sections.find((x) => x.id === s.id);
    if (s.atRisk && section?.station?.cityCode === cityCode) riskByStation.set(section.station.id, s.atRisk);
  }
  if (riskByStation.size === 0) {
    const candidates = stations.filter((s) => s.kind === 'WATER_QUALITY' && !sectionByStation.has(s.id) && s.operating);
    if (candidates.length > 0) riskByStation.set(rng.pick(candidates).id, rng.pick(['w21003', 'w21011'] as const));
  }

  const span = period.until - period.from;
  const profiles = new Map<string, ReadingProfile>();
  for (const station of stations) {
    const r = rng.fork(station.id);
    const section = sectionByStation.get(station.id);
    const targetClass = section?.targetClass ?? (station.riverId ? riverFact(station.riverId).usualClass : 'III');
    let baseline: Record<string, number>;
    const episodes: Episode[] = [];
    if (station.kind === 'WATER_QUALITY') {
      baseline = waterBaseline(r, targetClass);
      const risk = riskByStation.get(station.id);
      if (risk) {
        baseline[risk] = (classLimit(risk, targetClass) ?? 1) * 0.8;
        const start = period.from + Math.round(r.float(0, 0.4) * span);
        episodes.push({ code: risk, from: start, until: start + Math.round(0.6 * span), factor: r.float(2.2, 2.6) });
      }
    } else if (station.kind === 'AIR_QUALITY') {
      baseline = { a34004: (CITY_PM25[cityCode] ?? 35) * r.float(0.9, 1.1), a21026: r.float(6, 12), a21004: r.float(22, 34), a21005: r.float(0.6, 0.9) };
    } else {
      baseline = sourceBaseline(r, station, enterprises.find((e) => e.creditCode === station.enterpriseCreditCode));
    }
    profiles.set(station.id, {
      seed: `${rng.seed}/${station.id}`,
      targetClass,
      baseline,
      episodes,
      stoppedAt: station.operating ? null : period.until - Math.round(r.float(5, 40) * DAY_MS),
      dayShift: station.kind === 'POLLUTION_SOURCE' && r.chance(0.35),
    });
  }
  return profiles;
}
