import type { Kysely } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';

/** The feeds every event log starts with (subgraphs/adapters/sql/SqlEventLog.ts). */
export const EVENT_FEEDS = ['cooperation', 'readings'] as const;

/*
 * A bureau's durable event log (schema/events/bureauEvents.ts), in the store that holds its
 * cooperation records: the bureau's own SQL store (SQLite, PostgreSQL, MariaDB), or the embedded
 * cooperation file of a bureau whose system takes no writes. Self-contained (one migration of the
 * cooperation set, touching no other table), so it can be renumbered.
 * - event_feeds: one row per feed, its head (last sequence given) and pruned_through (last sequence
 *   deleted by retention). Appenders update the head row first, so its row lock orders concurrent
 *   appenders: sequences become visible in commit order, never with a hole a reader could skip.
 * - event_log: the events, (feed, seq) unique; `at` (epoch ms) for pruning.
 * - event_watermarks: how far an adapter's poll has seen a source's rows, the (time, station)
 *   keyset of the last row logged, written in the transaction that logs them.
 */
export async function createEventLogTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('event_feeds')
    .addColumn('feed', types.code, (c) => c.primaryKey())
    .addColumn('head', 'bigint', (c) => c.notNull())
    .addColumn('pruned_through', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('event_feeds').values(EVENT_FEEDS.map((feed) => ({ feed, head: 0, pruned_through: 0 }))).execute();

  await db.schema.createTable('event_log')
    .addColumn('feed', types.code, (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('body_json', types.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_log_pk', ['feed', 'seq'])
    .execute();
  await db.schema.createIndex('event_log_at').on('event_log').columns(['at']).execute();

  await db.schema.createTable('event_watermarks')
    .addColumn('name', types.code, (c) => c.primaryKey())
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('station_id', types.key, (c) => c.notNull())
    .execute();
}
