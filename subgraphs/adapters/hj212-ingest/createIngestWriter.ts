import type { Kysely } from 'kysely';
import type { Hj212IngestDatabase } from './Hj212IngestDatabase.ts';
import type { IngestRows } from './packetToIngestRows.ts';
import { writeIngestBatch, type IngestBatchResult, type StoredHook } from './writeIngestBatch.ts';

export interface PendingIngest {
  readonly rows: IngestRows;
  /** Called once the batch holding the rows committed (true) or failed (false). */
  readonly done: (committed: boolean) => void;
}

export interface IngestWriterOptions {
  readonly db: Kysely<Hj212IngestDatabase>;
  /** Longest a row waits for its batch. */
  readonly flushIntervalMs: number;
  /** A batch this large is written at once. */
  readonly flushRows: number;
  readonly onCommitted: (result: IngestBatchResult) => void;
  readonly onFailed: (error: unknown, rows: number) => void;
  /** Runs in each batch's transaction with the packets it stores. @default none */
  readonly onStored?: StoredHook;
}

export interface IngestWriter {
  add(item: PendingIngest): void;
  /** Writes everything added so far; resolves when it is committed (or failed). */
  flush(): Promise<void>;
  /** Rows added but not yet committed (waiting or being written). */
  readonly backlog: number;
}

/**
 * Group commit for the ingest: rows wait at most `flushIntervalMs` (or until `flushRows` are
 * waiting) and are then written in one transaction. While a transaction runs, new rows gather and
 * go in the next one right after it, up to ten batches' worth each, so under a burst transactions
 * grow instead of queueing up. One transaction at a time: SQLite has one writer anyway, and order
 * of commits keeps the dedupe simple. A failed transaction is reported and its rows are not
 * retried; their `done(false)` lets the caller withhold the ack, so devices resend them.
 */
export function createIngestWriter(options: IngestWriterOptions): IngestWriter {
  const { db, flushIntervalMs, flushRows, onCommitted, onFailed, onStored } = options;
  const maxRowsPerTransaction = flushRows * 10;
  let pending: PendingIngest[] = [];
  let writing = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  function add(item: PendingIngest): void {
    pending.push(item);
    if (running !== null) return; // the running loop takes it next
    if (pending.length >= flushRows) void flush();
    else timer ??= setTimeout(() => void flush(), flushIntervalMs);
  }

  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    running ??= run().finally(() => {
      running = null;
      if (pending.length > 0) void flush();
    });
    return running;
  }

  async function run(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.length <= maxRowsPerTransaction ? pending : pending.slice(0, maxRowsPerTransaction);
      pending = batch === pending ? [] : pending.slice(maxRowsPerTransaction);
      writing = batch.length;
      let committed = false;
      try {
        onCommitted(await writeIngestBatch(db, batch.map((b) => b.rows), onStored));
        committed = true;
      } catch (error) {
        onFailed(error, batch.length);
      }
      writing = 0;
      for (const item of batch) item.done(committed);
    }
  }

  return {
    add,
    flush,
    get backlog() { return pending.length + writing; },
  };
}
