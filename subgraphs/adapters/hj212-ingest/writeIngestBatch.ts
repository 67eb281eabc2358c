import type { Kysely } from 'kysely';
import { insertInChunks, rowsPerStatement } from '../sql/insertInChunks.ts';
import type { Hj212IngestDatabase } from './Hj212IngestDatabase.ts';
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
): Promise<IngestBatchResult> {
  const unique = new Map<string, IngestRows>();
  for (const rows of batch) if (!unique.has(rows.key)) unique.set(rows.key, rows);
  const firsts = [...unique.values()];
  return db.transaction().execute(async (trx) => {
    let stored = 0;
    await insertInChunks(firsts.map((r) => r.packet), rowsPerStatement(11), async (chunk) => {
      const result = await trx.insertInto('hj212_packets').values(chunk)
        .onConflict((oc) => oc.columns(['mn', 'cn', 'time']).doNothing())
        .executeTakeFirst();
      stored += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }, NO_ROWS);
    let readingsStored = 0;
    const readings = firsts.flatMap((r) => (r.reading === null ? [] : [r.reading]));
    await insertInChunks(readings, rowsPerStatement(4), async (chunk) => {
      const result = await trx.insertInto('readings').values(chunk)
        .onConflict((oc) => oc.columns(['station_id', 'time']).doNothing())
        .executeTakeFirst();
      readingsStored += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }, NO_ROWS);
    return { stored, duplicates: batch.length - stored, readingsStored };
  });
}
