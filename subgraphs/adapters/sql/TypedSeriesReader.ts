import type { ReadingInterval, ReadingRecord } from '../../kit/model.ts';
import type { ReadingsWindow } from '../../kit/ports.ts';

/**
 * Data types a bureau store holds beside the readings table (the HJ 212 ingest's hj212_packets keeps
 * every CN a device sends, the readings table only the station's series). SqlMonitoringPort merges
 * them into typed reads; readings-table rows win where both have a time.
 */
export interface TypedSeriesReader {
  /** Readings of each window's interval, oldest first, one list per window in input order. */
  readings(windows: readonly (ReadingsWindow & { readonly interval: ReadingInterval })[]): Promise<ReadingRecord[][]>;
  /** The newest reading of `interval` per station, null where there is none. */
  latest(stationIds: readonly string[], interval: ReadingInterval): Promise<Array<ReadingRecord | null>>;
}
