import type { Kysely, Transaction } from 'kysely';
import { insertInChunks, rowsPerStatement } from '../sql/insertInChunks.ts';
import type { Hj212IngestDatabase, Hj212PacketsTable } from './Hj212IngestDatabase.ts';
import type { IngestRows } from './packetToIngestRows.ts';

export interface IngestBatchResult {
  /** Packets new to the store. */
  readonly stored: number;
  /** Packets whose (MN, CN, DataTime) was already stored, or repeated within the batch. */
  readonly duplicates: number;
  /** Rows new to the readings table. */
  readonly readingsStored: number;
}

const NO_ROWS = () => {};

/** Called in the batch's transaction with the packets new to the store (e.g. to log their events). */
export type StoredHook = (trx: Transaction<Hj212IngestDatabase>, stored: readonly Hj212PacketsTable[]) => Promise<void>;
const NO_HOOK: StoredHook = async () => undefined;

/**
 * Stores one batch in one transaction (one sync on SQLite), idempotently: every packet into
 * hj212_packets keyed (MN, CN, DataTime), and the packets of each station's regular series into
 * readings keyed (station, time), both as multi-row `INSERT … ON CONFLICT DO NOTHING` (SQLite and
 * Postgres), so a resent packet is counted as a duplicate and changes nothing. The first copy wins:
 * HJ 212 devices resend an upload unchanged until it is acked, so later copies carry nothing new.
 * The readings table's key (station, time) cannot tell data types apart; that is why only the
 * station's series CN goes there (see packetToIngestRows) while hj212_packets keeps every CN.
 */
export async function writeIngestBatch(
  db: Kysely<Hj212IngestDatabase>,
  batch: readonly IngestRows[],
  onStored: StoredHook = NO_HOOK,
): Promise<IngestBatchResult> {
  const unique = new Map<string, IngestRows>();
  for (const rows of batch) if (!unique.has(rows.key)) unique.set(rows.key, rows);
  const firsts = [...unique.values()];
  return db.transaction().execute(async (trx) => {
    const storedKeys = new Set<string>();
    await insertInChunks(firsts.map((r) => r.packet), rowsPerStatement(11), async (chunk) => {
      // RETURNING with DO NOTHING names exactly the rows this statement inserted (SQLite ≥ 3.35, Postgres).
      const inserted = await trx.insertInto('hj212_packets').values(chunk)
        .onConflict((oc) => oc.columns(['mn', 'cn', 'time']).doNothing())
        .returning(['mn', 'cn', 'time'])
        .execute();
      for (const row of inserted) storedKeys.add(`${row.mn}\u0000${row.cn}\u0000${row.time}`);
    }, NO_ROWS);
    const stored = storedKeys.size;
    let readingsStored = 0;
    const readings = firsts.flatMap((r) => (r.reading === null ? [] : [r.reading]));
    await insertInChunks(readings, rowsPerStatement(4), async (chunk) => {
      const result = await trx.insertInto('readings').values(chunk)
        .onConflict((oc) => oc.columns(['station_id', 'time']).doNothing())
        .executeTakeFirst();
      readingsStored += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }, NO_ROWS);
    await onStored(trx, firsts.filter((r) => storedKeys.has(r.key)).map((r) => r.packet));
    return { stored, duplicates: batch.length - stored, readingsStored };
  });
}
