/**
 * A bureau's event log over any Kysely dialect whose database has the cooperation migrations
 * (0006_event_log: eventLogMigration.ts): read by the bureau's edge (EventLog), appended by writers in
 * their own transactions (SqlEventLog.append), pruned by age.
 *
 * Sequence numbers: an appender first adds its count to its feed's head row and reads it back, then
 * inserts its events below that head, all in its transaction. The head row's lock makes a concurrent
 * appender wait until this transaction ends, so sequences are given in commit order and a reader that
 * sees a head sees every event up to it (no hole appears behind a position and fills later).
 */
import type { Kysely, Transaction } from 'kysely';
import type { BureauEvent, BureauEventBody, FeedPosition } from '../../../schema/events/bureauEvents.ts';
import { MIN_EVENT_RETENTION_MS } from '../../../schema/events/bureauEvents.ts';
import { AppendSignal } from '../../kit/events/AppendSignal.ts';
import type { EventLog, EventRead } from '../../kit/events/EventLog.ts';
import type { PolledReadingsLog, ReadingKey } from '../../kit/events/watchNewReadings.ts';
import { guarded } from './guarded.ts';
import { insertInChunks, rowsPerStatement } from './insertInChunks.ts';
import { fromJson, toJson, toNumber } from './jsonColumn.ts';

export type EventFeed = 'readings' | 'cooperation';

/** How long a bureau keeps its events unless its bureau.json says otherwise: a long weekend's outage. */
export const DEFAULT_EVENT_RETENTION_MS = 72 * 60 * 60 * 1000;
/** Pruning runs at most this often, from the reads (no timer of its own). */
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface SqlEventLogOptions {
  /** @default DEFAULT_EVENT_RETENTION_MS; never below MIN_EVENT_RETENTION_MS */
  readonly retentionMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export class SqlEventLog implements EventLog, PolledReadingsLog {
  readonly appended = new AppendSignal();
  readonly retentionMs: number;
  private readonly now: () => number;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly db: Kysely<any>, private readonly cityCode: string, options: SqlEventLogOptions = {}) {
    this.retentionMs = Math.max(MIN_EVENT_RETENTION_MS, options.retentionMs ?? DEFAULT_EVENT_RETENTION_MS);
    this.now = options.now ?? Date.now;
  }

  /**
   * Appends `bodies` to `feed` inside the writer's transaction `trx` (the record and its events commit
   * together or not at all). The writer notifies `appended` after its commit.
   */
  static async append(trx: Transaction<any>, feed: EventFeed, bodies: readonly BureauEventBody[], at: number): Promise<void> {
    if (bodies.length === 0) return;
    await trx.updateTable('event_feeds').set((eb) => ({ head: eb('head', '+', bodies.length) })).where('feed', '=', feed).execute();
    const row = await trx.selectFrom('event_feeds').select('head').where('feed', '=', feed).executeTakeFirstOrThrow();
    const first = toNumber(row['head']) - bodies.length + 1;
    const rows = bodies.map((body, i) => ({ feed, seq: first + i, at, body_json: toJson(body) }));
    await insertInChunks(rows, rowsPerStatement(4), (chunk) => trx.insertInto('event_log').values(chunk).execute(), () => undefined);
  }

  async read(after: FeedPosition | null, limit: number): Promise<EventRead> {
    if (this.now() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = this.now();
      void this.prune().catch(() => undefined); // retried at the next interval; reads go on meanwhile
    }
    return guarded(this.cityCode, 'event log', async () => {
      const feeds = await this.db.selectFrom('event_feeds').selectAll().orderBy('feed').execute();
      const heads: Record<string, number> = Object.create(null);
      for (const f of feeds) heads[f['feed'] as string] = toNumber(f['head']);
      const events: BureauEvent[] = [];
      const expired: string[] = [];
      if (after === null) return { events, heads, expired };
      for (const f of feeds) {
        const feed = f['feed'] as string;
        const head = toNumber(f['head']);
        const position = Object.hasOwn(after, feed) ? after[feed] as number : head;
        if (position < toNumber(f['pruned_through']) || position > head) {
          expired.push(feed);
          continue;
        }
        if (position === head || events.length >= limit) continue;
        const rows = await this.db.selectFrom('event_log').select(['seq', 'at', 'body_json'])
          .where('feed', '=', feed).where('seq', '>', position).where('seq', '<=', head)
          .orderBy('seq').limit(limit - events.length).execute();
        for (const r of rows) events.push({ feed, seq: toNumber(r['seq']), at: toNumber(r['at']), body: fromJson<BureauEventBody>(r['body_json']) });
      }
      return { events, heads, expired };
    });
  }

  /** Deletes the events older than the retention, oldest first per feed, and records how far. */
  async prune(): Promise<void> {
    const cutoff = this.now() - this.retentionMs;
    await guarded(this.cityCode, 'event log pruning', () => this.db.transaction().execute(async (trx) => {
      const feeds = await trx.selectFrom('event_log').select(['feed', (eb) => eb.fn.max('seq').as('last')])
        .where('at', '<', cutoff).groupBy('feed').execute();
      for (const f of feeds) {
        const last = toNumber(f['last']);
        // The head row first, as appenders lock it: the same lock order, so pruning never deadlocks with them.
        await trx.updateTable('event_feeds').set({ pruned_through: last }).where('feed', '=', f['feed']).where('pruned_through', '<', last).execute();
        await trx.deleteFrom('event_log').where('feed', '=', f['feed']).where('seq', '<=', last).execute();
      }
    }));
  }

  async watermark(name: string): Promise<ReadingKey | null> {
    const row = await guarded(this.cityCode, 'event watermark', () =>
      this.db.selectFrom('event_watermarks').select(['time', 'station_id']).where('name', '=', name).executeTakeFirst());
    return row === undefined ? null : { time: toNumber(row['time']), stationId: row['station_id'] as string };
  }

  async appendPolled(name: string, bodies: readonly BureauEventBody[], watermark: ReadingKey, at: number): Promise<void> {
    await guarded(this.cityCode, 'event log', () => this.db.transaction().execute(async (trx) => {
      await SqlEventLog.append(trx, 'readings', bodies, at);
      const set = { time: watermark.time, station_id: watermark.stationId };
      // Read first, not "update, then insert when no row changed": MySQL counts an unchanged row as not updated.
      const known = await trx.selectFrom('event_watermarks').select('name').where('name', '=', name).executeTakeFirst();
      if (known === undefined) await trx.insertInto('event_watermarks').values({ name, ...set }).execute();
      else await trx.updateTable('event_watermarks').set(set).where('name', '=', name).execute();
    }));
    this.appended.notify();
  }
}
