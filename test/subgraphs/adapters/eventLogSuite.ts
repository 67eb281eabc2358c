/**
 * The event log behaviour every SQL store must show (SQLite, PostgreSQL, MariaDB): sequences per feed
 * in commit order under concurrency, reads from a position, heads, cooperation writes logged in their
 * own transaction, pruning and `expired`, and the readings poll seeing a row the bureau's own system
 * inserted.
 */
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import { MIN_EVENT_RETENTION_MS } from '../../../schema/events/bureauEvents.ts';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { readingToRow, stationToRow } from '../../../subgraphs/adapters/sql/monitoringRows.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import type { SqlBureauSource } from '../../../subgraphs/adapters/sql/SqlBureauSource.ts';
import { SqlEventLog, type SqlEventLogOptions } from '../../../subgraphs/adapters/sql/SqlEventLog.ts';
import { watchNewReadings } from '../../../subgraphs/kit/events/watchNewReadings.ts';
import { readingSeries, station, T0 } from '../../fixtures/bureauRecords.ts';

export interface OpenedEventStore {
  readonly source: SqlBureauSource;
  /** A second connection to the same store: "the bureau's own system". */
  readonly db: Kysely<BureauDatabase>;
  close(): Promise<void>;
}

export type OpenEventStore = (events: SqlEventLogOptions) => Promise<OpenedEventStore>;

/** Events are recorded now: older ones would be pruned by the first read. */
const AT = Date.now();

const bulletin = (n: number): BureauEventBody => ({ kind: 'bulletin-received', bulletinId: `b${n}` });

export function describeEventLogContract(kind: string, open: OpenEventStore): void {
  describe(`${kind} event log`, () => {
    const opened: OpenedEventStore[] = [];
    const openStore = async (events: SqlEventLogOptions = {}) => {
      const store = await open(events);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('numbers appends per feed in commit order, even when 10 transactions append at once', async () => {
      const { source, db } = await openStore();
      await Promise.all(Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute((trx) => SqlEventLog.append(trx, 'cooperation', [bulletin(i), bulletin(100 + i)], AT))));
      const read = await source.events.read({ cooperation: 0, readings: 0 }, 1000);
      expect(read.events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(read.heads).toEqual({ cooperation: 20, readings: 0 });
      // Both events of one transaction are neighbours.
      const pairs = read.events.map((e) => (e.body as { bulletinId: string }).bulletinId);
      for (let i = 0; i < 20; i += 2) expect(Number(pairs[i + 1]!.slice(1))).toBe(Number(pairs[i]!.slice(1)) + 100);
    });

    it('reads after a position, answers only heads for null, and reads a feed missing from the position from its head', async () => {
      const { source, db } = await openStore();
      await db.transaction().execute((trx) => SqlEventLog.append(trx, 'cooperation', [bulletin(1), bulletin(2), bulletin(3)], AT));
      expect(await source.events.read(null, 10)).toEqual({ events: [], heads: { cooperation: 3, readings: 0 }, expired: [] });
      expect((await source.events.read({ cooperation: 1 }, 10)).events.map((e) => [e.feed, e.seq, e.at])).toEqual([['cooperation', 2, AT], ['cooperation', 3, AT]]);
      expect((await source.events.read({ cooperation: 0 }, 2)).events.map((e) => e.seq)).toEqual([1, 2]);
      expect((await source.events.read({}, 10)).events).toEqual([]);
    });

    it('logs a cooperation write in its own transaction: a bulletin in the inbox is one bulletin-received event', async () => {
      const { source } = await openStore();
      const message = {
        messageId: 'm-1', sender: '500152', recipient: source.cityCode, sequence: 1, createdAt: AT,
        body: { kind: 'bulletin' as const, bulletinId: 'remote-1', category: 'WARNING' as const, title: '预警', body: '正文', incidentId: null, sentAt: AT },
      };
      expect(await source.cooperation.receive(message, AT)).toEqual({ status: 'accepted' });
      expect(await source.cooperation.receive(message, AT)).toEqual({ status: 'duplicate' });
      const read = await source.events.read({ cooperation: 0 }, 10);
      expect(read.events).toHaveLength(1);
      expect(read.events[0]!.body).toMatchObject({ kind: 'bulletin-received' });
    });

    it('prunes events older than the retention and answers a position before them as expired', async () => {
      let clock = T0;
      const { source, db } = await openStore({ now: () => clock, retentionMs: MIN_EVENT_RETENTION_MS });
      await db.transaction().execute((trx) => SqlEventLog.append(trx, 'cooperation', [bulletin(1), bulletin(2)], T0));
      await db.transaction().execute((trx) => SqlEventLog.append(trx, 'cooperation', [bulletin(3)], T0 + 2 * 3_600_000));
      clock = T0 + MIN_EVENT_RETENTION_MS + 3_600_000;
      await source.events.prune();
      expect(await source.events.read({ cooperation: 0, readings: 0 }, 10)).toMatchObject({ events: [], expired: ['cooperation'] });
      expect((await source.events.read({ cooperation: 2, readings: 0 }, 10)).events.map((e) => e.seq)).toEqual([3]);
      // A position ahead of the head is not from this store: expired too, never silently empty.
      expect((await source.events.read({ cooperation: 9, readings: 0 }, 10)).expired).toEqual(['cooperation']);
    });

    it('logs a reading that the bureau\'s own system inserts (a direct INSERT) when its poll runs, once', async () => {
      const { source, db } = await openStore();
      const s = station(1);
      await db.insertInto('stations').values(stationToRow(s)).execute();
      const [old, fresh] = [...readingSeries(s.id, T0, 2)];
      await db.insertInto('readings').values(readingToRow(old!)).execute();
      const poll = watchNewReadings({ monitoring: source.monitoring, log: source.events, intervalMs: 3_600_000 });
      try {
        await poll.pollOnce(); // the first poll starts after the newest reading present: history is no event
        expect((await source.events.read({ readings: 0 }, 10)).events).toEqual([]);
        await db.insertInto('readings').values(readingToRow(fresh!)).execute();
        expect(await poll.pollOnce()).toBe(1);
        expect(await poll.pollOnce()).toBe(0);
        const read = await source.events.read({ readings: 0 }, 10);
        expect(read.events.map((e) => e.body.kind)).toContain('reading');
        expect(read.events[0]).toMatchObject({ feed: 'readings', seq: 1, body: { kind: 'reading', reading: { stationId: decodeGlobalId(s.id)!.localId, time: fresh!.time, stationKind: 'WATER_QUALITY' } } });
      } finally {
        await poll.close();
      }
    });
  });
}
