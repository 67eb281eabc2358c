import type { Hj212Deviation } from '../../hj212-codec/Hj212Deviation.ts';
import type { Hj212RejectCode } from './Hj212RejectCode.ts';

/** Counters since the server started (stats() returns a snapshot). */
export interface Hj212IngestStats {
  readonly connectionsOpen: number;
  readonly connectionsTotal: number;
  /** Frames cut from the streams (good or bad). */
  readonly frames: number;
  /** Pollutant-data packets of known stations handed to the writer. */
  readonly accepted: number;
  /** Packets new to the store. */
  readonly stored: number;
  /** Packets whose (MN, CN, DataTime) was already stored (device resends). */
  readonly duplicates: number;
  /** Rows new to the readings table (the stations' regular series). */
  readonly readingsStored: number;
  /** Valid packets of known stations that carry no pollutant data (heartbeats, status, responses). */
  readonly ignored: number;
  readonly acksSent: number;
  /** Packets taken despite an unambiguous departure from HJ 212-2017, by deviation (one packet may count under several). */
  readonly tolerated: Readonly<Record<Hj212Deviation, number>>;
  /** Refused packets by reason. */
  readonly rejected: Readonly<Record<Hj212RejectCode, number>>;
  /** Bytes outside any frame (noise between packets). */
  readonly garbageBytes: number;
  /** Packets lost with a failed transaction (not acked, so devices that asked will resend). */
  readonly storeFailures: number;
  /** Packets waiting for or inside the current transaction. */
  readonly backlog: number;
  /** Log lines dropped by the rate limit. */
  readonly logsSuppressed: number;
}
