/**
 * A bureau's durable event log as its edge reads it (schema/events/bureauEvents.ts has the protocol):
 * the feeds of its store, each a sequence of events numbered in the transaction that recorded them.
 * Implemented over the bureau's SQL store or its cooperation file (subgraphs/adapters/sql/SqlEventLog.ts).
 */
import type { BureauEvent, FeedPosition } from '../../../schema/events/bureauEvents.ts';
import type { AppendSignal } from './AppendSignal.ts';

export interface EventRead {
  /** In sequence order within each feed; at most `limit` in all. */
  readonly events: readonly BureauEvent[];
  /** The last sequence written per feed, read before the events (so every event up to it is committed). */
  readonly heads: FeedPosition;
  /** Feeds whose position is older than their oldest kept event (or ahead of their head: another store). */
  readonly expired: readonly string[];
}

export interface EventLog {
  /**
   * Events after `after` (null: none, only the heads). A feed missing from `after` is read from its
   * head: nothing older is sent for it.
   */
  read(after: FeedPosition | null, limit: number): Promise<EventRead>;
  /** Notified after every commit that may have appended events (by this process). */
  readonly appended: AppendSignal;
  /** How long events are kept (at least MIN_EVENT_RETENTION_MS). */
  readonly retentionMs: number;
}
