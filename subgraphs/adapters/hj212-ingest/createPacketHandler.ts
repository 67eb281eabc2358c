import { decodePacket } from '../../hj212-codec/decodePacket.ts';
import { encodeAck9014 } from '../../hj212-codec/encodeAck9014.ts';
import { isHj212DataCn, type Hj212DataCn } from '../../hj212-codec/hj212Commands.ts';
import type { Hj212Packet } from '../../hj212-codec/Hj212Packet.ts';
import type { SubpacketAssembler } from '../../hj212-codec/createSubpacketAssembler.ts';
import type { IngestWriter } from './createIngestWriter.ts';
import type { StationDirectory } from './createStationDirectory.ts';
import type { Hj212IngestLog } from './Hj212IngestLog.ts';
import type { Hj212RejectCode } from './Hj212RejectCode.ts';
import type { IngestCounters } from './IngestCounters.ts';
import type { IngestStation } from './IngestStation.ts';
import { packetToIngestRows } from './packetToIngestRows.ts';

/** The device end of a connection, as the handler sees it. */
export interface Peer {
  /** `address:port`, for logs. */
  readonly name: string;
  /** Sends bytes back (acks) if the connection can still take them; false when it cannot. */
  send(bytes: Uint8Array): boolean;
}

/** A decoded packet with its data segment and where it came from, as held while a split message completes. */
export interface ReceivedPacket {
  readonly packet: Hj212Packet;
  /** The data segment as text (a copy: a held part must not pin the connection's stream buffer). */
  readonly segment: string;
  readonly peer: Peer;
}

export interface PacketHandlerContext {
  readonly directory: StationDirectory;
  readonly writer: IngestWriter;
  readonly assembler: SubpacketAssembler<ReceivedPacket>;
  readonly counters: IngestCounters;
  readonly log: Hj212IngestLog;
  readonly now: () => number;
  /** MNs opted in to CRC-16/MODBUS low byte first (hj212IngestConfigSchema `modbusCrcMns`). */
  readonly modbusCrcMns?: ReadonlySet<string>;
}

export interface PacketHandler {
  /** Handles one frame; returns a promise only when it had to wait (an MN not in memory, looked up). */
  handle(frame: Uint8Array, peer: Peer): void | Promise<void>;
  /** Counts and logs a refusal that happened outside `handle` (framing, expired split messages). */
  reject(peer: Peer, code: Hj212RejectCode, reason: string, packet?: Hj212Packet): void;
}

const utf8 = new TextDecoder('utf-8');

/**
 * What the ingest does with one frame (HJ 212-2017 data uploads; docs/hj212.md): decode (length and
 * CRC first), find the station by MN (one not in memory is looked up in the store, bounded: see
 * createStationDirectory; then refused), skip non-data commands (acking them if asked: they were received), reassemble split
 * messages, map the data to rows and hand them to the writer. The 9014 ack (when Flag bit A asks
 * for one) goes out only after the rows committed: an ack tells the device it may forget the data.
 * A refused packet is counted and logged, and changes nothing else: the connection and its other
 * packets go on.
 */
export function createPacketHandler(ctx: PacketHandlerContext): PacketHandler {
  const { directory, writer, assembler, counters, log, now } = ctx;
  const decodeOptions = ctx.modbusCrcMns === undefined ? {} : { modbusCrcMns: ctx.modbusCrcMns };

  function reject(peer: Peer, code: Hj212RejectCode, reason: string, packet?: Hj212Packet): void {
    counters.rejected[code]++;
    log({
      level: 'warn', event: 'hj212.rejected', code, reason, peer: peer.name,
      ...(packet === undefined ? {} : { mn: packet.mn, cn: packet.cn, qn: packet.qn }),
    });
  }

  function ack(received: ReceivedPacket): void {
    if (received.packet.flag.ackRequested && received.peer.send(encodeAck9014(received.packet))) counters.acksSent++;
  }

  function accept(received: ReceivedPacket, station: IngestStation | undefined, why?: string): void {
    const { packet, peer } = received;
    if (station === undefined) {
      reject(peer, 'HJ212_UNKNOWN_MN', why ?? `MN ${packet.mn} is no station of this bureau.`, packet);
      return;
    }
    if (!isHj212DataCn(packet.cn)) {
      counters.ignored++;
      ack(received);
      return;
    }
    const outcome = assembler.add(received, now());
    if (outcome.kind === 'duplicate-part') return;
    if (outcome.kind === 'pending') {
      for (const part of outcome.dropped) {
        reject(part.peer, 'HJ212_SPLIT_INCOMPLETE', 'Dropped: too many split messages incomplete at once.', part.packet);
      }
      return;
    }
    const segment = outcome.parts.map((p) => p.segment).join('\n');
    const mapped = packetToIngestRows(outcome.packet as Hj212Packet & { cn: Hj212DataCn }, station, segment, now());
    if (!mapped.ok) {
      reject(peer, mapped.code, mapped.reason, packet);
      return;
    }
    counters.accepted++;
    writer.add({
      rows: mapped.rows,
      done: (committed) => {
        if (committed) for (const part of outcome.parts) ack(part);
      },
    });
  }

  function handle(frame: Uint8Array, peer: Peer): void | Promise<void> {
    counters.frames++;
    const decoded = decodePacket(frame, decodeOptions);
    if (!decoded.ok) {
      reject(peer, decoded.error.code, decoded.error.message);
      return;
    }
    // Counted when decoded, whatever happens to the packet next: the counter says what devices send.
    for (const deviation of decoded.packet.deviations) counters.tolerated[deviation]++;
    // The decoder accepted the segment, so it is valid UTF-8 (and ASCII in practice).
    const received: ReceivedPacket = { packet: decoded.packet, segment: utf8.decode(frame.subarray(6, frame.length - 6)), peer };
    const station = directory.find(decoded.packet.mn);
    if (station !== undefined) return accept(received, station);
    return directory.lookUp(decoded.packet.mn).then(
      (found) => accept(received, found.station, found.why),
      () => accept(received, undefined, `MN ${decoded.packet.mn} is no station in memory, and the stations could not be read.`),
    );
  }

  return { handle, reject };
}
