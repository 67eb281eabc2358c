import type { Kysely } from 'kysely';
import type { ReadingInterval } from '../../kit/model.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import type { IngestStation } from './IngestStation.ts';

export interface StationDirectory {
  /** The station whose MN (the graph's station `code`) this is, from memory. */
  find(mn: string): IngestStation | undefined;
  /**
   * Reloads the stations from the store, unless that happened less than `minReloadIntervalMs` ago
   * (then it resolves at once): an unknown MN gets one more chance without letting a flood of
   * unknown MNs turn into a flood of queries.
   */
  reload(): Promise<void>;
  readonly size: number;
}

export interface StationDirectoryOptions {
  readonly db: Kysely<BureauDatabase>;
  /** @default 5_000 ms */
  readonly minReloadIntervalMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * The bureau's stations by MN, loaded from its store (a bureau has tens to thousands of stations,
 * so all of them fit in memory). Should two stations share an MN, the one with the smaller id wins,
 * the same pick every reload.
 */
export async function createStationDirectory(options: StationDirectoryOptions): Promise<StationDirectory> {
  const { db, minReloadIntervalMs = 5_000, now = Date.now } = options;
  let byMn = new Map<string, IngestStation>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const rows = await db.selectFrom('stations').select(['id', 'code', 'reading_interval']).orderBy('id').execute();
    const next = new Map<string, IngestStation>();
    for (const r of rows) {
      if (!next.has(r.code)) next.set(r.code, { id: r.id, mn: r.code, interval: r.reading_interval as ReadingInterval });
    }
    byMn = next;
    loadedAt = now();
  }

  await load();
  return {
    find: (mn) => byMn.get(mn),
    reload() {
      if (loading !== null) return loading;
      if (now() - loadedAt < minReloadIntervalMs) return Promise.resolve();
      loading = load().finally(() => {
        loading = null;
      });
      return loading;
    },
    get size() { return byMn.size; },
  };
}
