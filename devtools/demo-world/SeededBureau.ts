/**
 * One bureau's generated data. A class so that `readings` lives on the prototype and the profiles in a
 * private field: two worlds from the same options are then deep-equal (`toEqual`), and spreading a
 * bureau copies only its records.
 */
import type {
  CaseRecord, CityCode, EpochMs, JointPatrolRecord, ProjectRecord, ReadingRecord, ResourceRecord, StationRecord,
} from '../../subgraphs/kit/model.ts';
import { readingsFor } from './generateReadings.ts';
import type { ReadingProfile } from './readingProfiles.ts';

export interface BureauRecords {
  readonly cityCode: CityCode;
  readonly projects: readonly ProjectRecord[];
  readonly stations: readonly StationRecord[];
  readonly cases: readonly CaseRecord[];
  readonly patrols: readonly JointPatrolRecord[];
  readonly resources: readonly ResourceRecord[];
}

/** What a bureau's adapter is seeded with. */
export interface BureauData extends BureauRecords {
  /** The station's readings over the world's period, oldest first, generated lazily. */
  readings(station: StationRecord): Iterable<ReadingRecord>;
}

export class SeededBureau implements BureauData {
  readonly cityCode: CityCode;
  readonly projects: readonly ProjectRecord[];
  readonly stations: readonly StationRecord[];
  readonly cases: readonly CaseRecord[];
  readonly patrols: readonly JointPatrolRecord[];
  readonly resources: readonly ResourceRecord[];
  readonly #profiles: ReadonlyMap<string, ReadingProfile>;
  readonly #period: { readonly from: EpochMs; readonly until: EpochMs };

  constructor(records: BureauRecords, profiles: ReadonlyMap<string, ReadingProfile>, period: { readonly from: EpochMs; readonly until: EpochMs }) {
    this.cityCode = records.cityCode;
    this.projects = records.projects;
    this.stations = records.stations;
    this.cases = records.cases;
    this.patrols = records.patrols;
    this.resources = records.resources;
    this.#profiles = profiles;
    this.#period = period;
  }

  /** The station's readings over the world's period, oldest first, generated as they are iterated. */
  readings(station: StationRecord): Iterable<ReadingRecord> {
    const profile = this.#profiles.get(station.id);
    if (!profile) throw new RangeError(`station ${station.id} is not one of bureau ${this.cityCode}'s`);
    const period = this.#period;
    return { [Symbol.iterator]: () => readingsFor(station, period, profile) };
  }
}
