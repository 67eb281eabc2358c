import { createServer, type Socket } from 'node:net';
import type { Kysely } from 'kysely';
import { createFrameSplitter, type FrameEvent } from '../../hj212-codec/createFrameSplitter.ts';
import { createSubpacketAssembler } from '../../hj212-codec/createSubpacketAssembler.ts';
import { migrateToLatest } from '../sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import { createIngestWriter } from './createIngestWriter.ts';
import { logIngestEvents } from './logIngestEvents.ts';
import type { AppendSignal } from '../../kit/events/AppendSignal.ts';
import { createPacketHandler, type Peer, type ReceivedPacket } from './createPacketHandler.ts';
import { createStationDirectory } from './createStationDirectory.ts';
import { hj212IngestConfigSchema, type Hj212IngestConfig } from '../../config/hj212IngestConfigSchema.ts';
import type { Hj212PacketsTable } from './Hj212IngestDatabase.ts';
import { jsonLineLog, type Hj212IngestLog } from './Hj212IngestLog.ts';
import type { Hj212IngestStats } from './Hj212IngestStats.ts';
import { hj212IngestMigrations } from './hj212IngestMigrations.ts';
import { createIngestCounters } from './IngestCounters.ts';
import { limitLogRate } from './limitLogRate.ts';

export interface Hj212IngestOptions {
  /** The bureau's store (bureau migrations applied, stations written). Not closed by the ingest. */
  readonly db: Kysely<BureauDatabase>;
  /** See hj212IngestConfigSchema for each option's default. @default all defaults */
  readonly config?: Partial<Hj212IngestConfig>;
  /** Where the JSON lines go. @default one JSON line per event on stderr */
  readonly log?: Hj212IngestLog;
  /** @default Date.now */
  readonly now?: () => number;
  /**
   * The bureau's event log (its store has the cooperation migrations): when given, every stored packet
   * is logged as a `reading` event (and the alarms it starts) in the same transaction (logIngestEvents),
   * and `appended` is notified after each commit. @default none
   */
  readonly events?: { readonly appended: AppendSignal };
}

export interface Hj212IngestServer {
  readonly host: string;
  /** The bound port (the real one when configured as 0). */
  readonly port: number;
  stats(): Hj212IngestStats;
  /** Writes every packet received so far; resolves once committed and acked. */
  flush(): Promise<void>;
  /**
   * Stops accepting connections and reading, stores and acks what was received, then closes the
   * connections (destroying those that do not close within 2 s). The store stays open.
   */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 2_000;
/** About 10,000 unread 9014 acks. */
const MAX_UNREAD_ACK_BYTES = 1 << 20;

/**
 * The HJ 212 ingest of one bureau: a TCP server (node:net) where the bureau's stations upload
 * HJ 212-2017/2025 packets. Per connection a frame splitter feeds the packet handler (decode, MN
 * lookup, 9014 ack after commit, dedupe by (MN, CN, DataTime)); rows are written in batches (group
 * commit) to the bureau's store, where the graph reads them. Applies its own migration set
 * (hj212_packets) before listening. Refused packets are counted per reason and logged, rate-limited,
 * as JSON lines; they never close the connection. Reading pauses while the store is behind by
 * `maxBacklogRows`, so a flood cannot grow memory without bound.
 */
export async function startHj212Ingest(options: Hj212IngestOptions): Promise<Hj212IngestServer> {
  const config = hj212IngestConfigSchema.parse(options.config ?? {});
  const now = options.now ?? Date.now;
  const limited = limitLogRate(options.log ?? jsonLineLog((line) => process.stderr.write(line), now), config.maxLogLinesPerSecond, now);
  const log = limited.log;

  await migrateToLatest(options.db, hj212IngestMigrations);
  const db = options.db.withTables<{ hj212_packets: Hj212PacketsTable }>();
  const counters = createIngestCounters();
  const directory = await createStationDirectory({ db: options.db, now, recheckMs: config.stationReloadIntervalMs });
  const { events } = options;
  const writer = createIngestWriter({
    db,
    // With an event log: each stored packet's events in its own transaction, readers woken after the commit.
    ...(events !== undefined && { onStored: (trx, stored) => logIngestEvents(trx, stored, now()) }),
    flushIntervalMs: config.flushIntervalMs,
    flushRows: config.flushRows,
    onCommitted: (r) => {
      counters.stored += r.stored;
      counters.duplicates += r.duplicates;
      counters.readingsStored += r.readingsStored;
      if (r.stored > 0) events?.appended.notify();
    },
    onFailed: (error, rows) => {
      counters.storeFailures += rows;
      log({ level: 'error', event: 'hj212.store_failed', rows, error: error instanceof Error ? error.message : String(error) });
    },
  });
  const assembler = createSubpacketAssembler<ReceivedPacket>({ maxAgeMs: config.splitMaxAgeMs, maxMessages: config.splitMaxMessages });
  const modbusCrcMns = new Set(config.modbusCrcMns);
  const handler = createPacketHandler({ directory, writer, assembler, counters, log, now, modbusCrcMns });
  const sockets = new Set<Socket>();
  const waiting = new Set<Promise<void>>(); // frames waiting for their station to be looked up
  let closing = false;

  const server = createServer({ noDelay: true }, (socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    counters.connectionsOpen++;
    counters.connectionsTotal++;
    const peer: Peer = {
      name: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      send(bytes) {
        if (!socket.writable) return false;
        // A device that never reads its acks would make them pile up in memory: let it go.
        if (socket.writableLength > MAX_UNREAD_ACK_BYTES) {
          socket.destroy();
          return false;
        }
        socket.write(bytes);
        return true;
      },
    };
    const splitter = createFrameSplitter();
    const onEvent = (event: FrameEvent) => {
      if (event.kind === 'frame') {
        // A bug must cost one packet, not the process that also serves the bureau's graph.
        const internal = (error: unknown) => log({ level: 'error', event: 'hj212.internal_error', peer: peer.name, error: String(error) });
        try {
          const pending = handler.handle(event.bytes, peer);
          if (pending !== undefined) {
            const tracked = pending.catch(internal).finally(() => waiting.delete(tracked));
            waiting.add(tracked);
          }
        } catch (error) {
          internal(error);
        }
        return;
      }
      switch (event.reason) {
        case 'garbage':
          counters.garbageBytes += event.byteCount;
          log({ level: 'info', event: 'hj212.garbage', bytes: event.byteCount, peer: peer.name });
          return;
        case 'truncated':
          handler.reject(peer, 'HJ212_BAD_FRAME', `A frame of ${event.byteCount} bytes was cut off before its CR LF.`);
          return;
        case 'oversize':
          handler.reject(peer, 'HJ212_OVERSIZE', 'A frame runs past 1036 bytes (1024 data bytes + 12).');
          return;
      }
    };
    socket.setTimeout(config.idleTimeoutMs, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      for (const event of splitter.push(chunk)) onEvent(event);
      if (writer.backlog >= config.maxBacklogRows && !socket.isPaused()) {
        socket.pause();
        void writer.flush().then(() => {
          if (!closing) socket.resume();
        });
      }
    });
    socket.on('end', () => {
      for (const event of splitter.end()) onEvent(event);
    });
    socket.on('error', () => {}); // resets and timeouts end the connection; 'close' does the bookkeeping
    socket.on('close', () => {
      sockets.delete(socket);
      counters.connectionsOpen--;
    });
  });
  server.maxConnections = config.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;

  const expiry = setInterval(() => {
    for (const part of assembler.expire(now())) {
      handler.reject(part.peer, 'HJ212_SPLIT_INCOMPLETE', 'The split message did not complete in time.', part.packet);
    }
  }, Math.max(250, Math.floor(config.splitMaxAgeMs / 4)));
  expiry.unref();

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    clearInterval(expiry);
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.pause();
    await Promise.allSettled([...waiting]);
    for (const part of assembler.clear()) {
      handler.reject(part.peer, 'HJ212_SPLIT_INCOMPLETE', 'The ingest stopped before the split message completed.', part.packet);
    }
    await writer.flush();
    const closed = [...sockets].map((socket) => new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    }));
    await Promise.all(closed);
    await stopped;
  }

  return {
    host: config.host,
    port,
    stats: () => ({
      ...counters,
      rejected: { ...counters.rejected },
      tolerated: { ...counters.tolerated },
      backlog: writer.backlog,
      logsSuppressed: limited.suppressed,
    }),
    flush: () => writer.flush(),
    close,
  };
}
