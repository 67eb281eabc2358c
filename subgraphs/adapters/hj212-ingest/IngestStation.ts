import type { ReadingInterval } from '../../kit/model.ts';

/** What the ingest needs of a station: its id, its MN (the graph's `code`) and its regular interval. */
export interface IngestStation {
  readonly id: string;
  readonly mn: string;
  readonly interval: ReadingInterval;
}
