import type { Kysely } from 'kysely';
import type { ReadingInterval } from '../../kit/model.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import type { IngestStation } from './IngestStation.ts';

/** What the store said of an MN not in memory; `why` when it was not asked. */
export interface StationLookup {
  readonly station: IngestStation | undefined;
  readonly why?: string;
}

export interface StationDirectory {
  /** The station whose MN (the graph's station `code`) this is, from memory. */
  find(mn: string): IngestStation | undefined;
  /**
   * The station of an MN not in memory, read from the store (one indexed row) and kept: a device
   * registered while the ingest runs is found on its first packet. An MN the store did not have is
   * not asked for again for `recheckMs`, and at most `maxLookupsPerSecond` MNs are asked for: a
   * device sending with an unregistered MN, or a flood of made-up ones, costs a bounded number of
   * queries. Rejects when the store cannot be read.
   */
  lookUp(mn: string): Promise<StationLookup>;
  readonly size: number;
}

export interface StationDirectoryOptions {
  readonly db: Kysely<BureauDatabase>;
  /** @default 5_000 ms */
  readonly recheckMs?: number;
  /** @default 50 */
  readonly maxLookupsPerSecond?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** MNs remembered as missing; beyond it the oldest is forgotten (and would be asked for again). */
const MAX_MISSING = 10_000;

interface StationRow {
  readonly id: string;
  readonly code: string;
  readonly reading_interval: string;
}

const toStation = (r: StationRow): IngestStation => ({ id: r.id, mn: r.code, interval: r.reading_interval as ReadingInterval });

/**
 * The bureau's stations by MN, loaded from its store at start (a bureau has tens to thousands of
 * stations, so all of them fit in memory) and completed one MN at a time. Should two stations share
 * an MN, the one with the smaller id wins, at start and on a lookup alike.
 */
export async function createStationDirectory(options: StationDirectoryOptions): Promise<StationDirectory> {
  const { db, recheckMs = 5_000, maxLookupsPerSecond = 50, now = Date.now } = options;
  const byMn = new Map<string, IngestStation>();
  const missing = new Map<string, number>(); // MN → when the store last had no such station
  const asking = new Map<string, Promise<StationLookup>>();
  let second = -Infinity;
  let lookupsThisSecond = 0;

  const rows = await db.selectFrom('stations').select(['id', 'code', 'reading_interval']).orderBy('id').execute();
  for (const r of rows) if (!byMn.has(r.code)) byMn.set(r.code, toStation(r));

  const withinBudget = (at: number): boolean => {
    const current = Math.floor(at / 1000);
    if (current !== second) {
      second = current;
      lookupsThisSecond = 0;
    }
    return lookupsThisSecond++ < maxLookupsPerSecond;
  };

  const ask = async (mn: string): Promise<StationLookup> => {
    const row = await db.selectFrom('stations').select(['id', 'code', 'reading_interval'])
      .where('code', '=', mn).orderBy('id').limit(1).executeTakeFirst();
    if (row !== undefined) {
      const station = byMn.get(mn) ?? toStation(row);
      byMn.set(mn, station);
      missing.delete(mn);
      return { station };
    }
    if (missing.size >= MAX_MISSING) missing.delete(missing.keys().next().value!);
    missing.delete(mn); // re-inserted last: the map's order is the order of the checks
    missing.set(mn, now());
    return { station: undefined };
  };

  return {
    find: (mn) => byMn.get(mn),
    lookUp(mn) {
      const known = byMn.get(mn);
      if (known !== undefined) return Promise.resolve({ station: known });
      const at = now();
      const checkedAt = missing.get(mn);
      if (checkedAt !== undefined && at - checkedAt < recheckMs) return Promise.resolve({ station: undefined });
      const pending = asking.get(mn);
      if (pending !== undefined) return pending;
      if (!withinBudget(at)) {
        return Promise.resolve({
          station: undefined,
          why: `MN ${mn} is no station in memory, and the store was not asked: more than ${maxLookupsPerSecond} unknown MNs this second.`,
        });
      }
      const asked = ask(mn).finally(() => asking.delete(mn));
      asking.set(mn, asked);
      return asked;
    },
    get size() { return byMn.size; },
  };
}
