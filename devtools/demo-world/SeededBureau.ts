/**
 * One bureau's generated data. A class so that `readings` lives on the prototype and the profiles in a
 * private field: two worlds from the same options are then deep-equal (`toEqual`), and spreading a
 * bureau copies only its records.
 */
import type {
  CaseRecord, CityCode, EpochMs, JointPatrolRecord, ProjectRecord, ReadingRecord, ResourceRecord, StationRecord,
} from '../../subgraphs/kit/model.ts';
import { dailyReadingsFor } from './generateDailyReadings.ts';
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
  /**
   * The station's readings, oldest first, generated lazily: daily ones (interval DAILY) over the world's
   * history, then the station's own interval over the period.
   */
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
  readonly #period: Span;
  readonly #history: Span;

  constructor(records: BureauRecords, profiles: ReadonlyMap<string, ReadingProfile>, period: Span, history: Span = { from: period.from, until: period.from }) {
    this.cityCode = records.cityCode;
    this.projects = records.projects;
    this.stations = records.stations;
    this.cases = records.cases;
    this.patrols = records.patrols;
    this.resources = records.resources;
    this.#profiles = profiles;
    this.#period = period;
    this.#history = history;
  }

  /** The station's daily readings over the history, then its own over the period, generated as they are iterated. */
  readings(station: StationRecord): Iterable<ReadingRecord> {
    const profile = this.#profiles.get(station.id);
    if (!profile) throw new RangeError(`station ${station.id} is not one of bureau ${this.cityCode}'s`);
    const period = this.#period;
    const history = this.#history;
    return {
      *[Symbol.iterator]() {
        // The days that start before the period; the last one also spans the period's first hours.
        if (history.from < history.until) yield* dailyReadingsFor(station, { from: history.from, until: history.until - 1 }, profile);
        yield* readingsFor(station, period, profile);
      },
    };
  }
}

interface Span { readonly from: EpochMs; readonly until: EpochMs }
