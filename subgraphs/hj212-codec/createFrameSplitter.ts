import { hj212Crc16 } from './hj212Crc16.ts';
import { HJ212_FRAME_OVERHEAD_BYTES, HJ212_MAX_DATA_BYTES, HJ212_MAX_FRAME_BYTES } from './hj212Limits.ts';

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;

/** Why bytes were dropped instead of becoming a frame. */
export type FrameSkipReason =
  /** Bytes before a `##` (line noise, a modem banner, a stray newline). */
  | 'garbage'
  /** A frame cut off by the next `##` before its CR LF, or by the end of the stream. */
  | 'truncated'
  /** A frame that declares, or runs to, more than 1024 data bytes; dropped up to its CR LF or the next `##`. */
  | 'oversize';

export type FrameEvent =
  | { readonly kind: 'frame'; readonly bytes: Uint8Array }
  | { readonly kind: 'skipped'; readonly reason: FrameSkipReason; readonly byteCount: number };

export interface FrameSplitter {
  /** Feeds the next chunk of the stream; returns the frames it completed and what it dropped, in stream order. */
  push(chunk: Uint8Array): FrameEvent[];
  /** The stream ended: reports whatever partial frame or garbage is still held. */
  end(): FrameEvent[];
}

/**
 * Cuts a TCP byte stream into HJ 212 frames (HJ 212-2017 通讯包结构组成表). A frame runs
 * from `##` to the first CR LF: a legal data segment is printable text, so CR LF cannot occur inside
 * it, and this keeps the stream in step even when the length field lies (the decoder then reports
 * HJ212_BAD_LENGTH for that frame alone). When the span from `##` to CR LF holds another `##` whose
 * span passes the envelope check (length field and CRC, Appendix A), the part before it is reported
 * as truncated and the inner frame is kept: a device that lost the tail of one packet does not cost
 * the next one, even when the cut packet's length field happens to equal the distance to the next
 * packet's CR LF. Memory is bounded: at most one frame (1036 bytes) is ever held between chunks; a
 * frame that declares more than 1024 bytes is refused as soon as its length digits arrive, and
 * one without CR LF within 1036 bytes is refused when that many have arrived: a TCP peer is untrusted
 * and must not make us buffer without bound.
 * Frames are views into an internal copy of the stream, never into the caller's chunks.
 */
export function createFrameSplitter(): FrameSplitter {
  let held: Uint8Array = new Uint8Array(0);
  /** Inside an oversize frame: drop bytes until its CR LF or the next `##`. */
  let discarding = false;

  function push(chunk: Uint8Array): FrameEvent[] {
    const data = concat(held, chunk);
    const events: FrameEvent[] = [];
    let i = 0;
    for (;;) {
      if (discarding) {
        const stop = nextStop(data, i);
        if (stop === null) {
          i = keepPossibleDelimiterStart(data, i);
          break;
        }
        discarding = false;
        i = stop;
        continue;
      }
      let start = indexOfPair(data, HASH, HASH, i);
      // In a run of '#', the header is the last two ("#x###0259…" is garbage up to "##0259").
      while (start >= 0 && data[start + 2] === HASH) start++;
      if (start < 0) {
        const keep = data.length > i && data[data.length - 1] === HASH ? data.length - 1 : data.length;
        if (keep > i) events.push({ kind: 'skipped', reason: 'garbage', byteCount: keep - i });
        i = keep;
        break;
      }
      if (start > i) events.push({ kind: 'skipped', reason: 'garbage', byteCount: start - i });
      i = start;
      const declared = declaredLength(data, i);
      if (declared !== null && declared > HJ212_MAX_DATA_BYTES) {
        events.push({ kind: 'skipped', reason: 'oversize', byteCount: 6 });
        discarding = true;
        i += 6;
        continue;
      }
      const crlf = indexOfPair(data, CR, LF, i + 2, i + HJ212_MAX_FRAME_BYTES);
      if (crlf < 0) {
        if (data.length - i < HJ212_MAX_FRAME_BYTES) break; // wait for more
        const inner = indexOfPair(data, HASH, HASH, i + 1, i + HJ212_MAX_FRAME_BYTES);
        if (inner >= 0) {
          events.push({ kind: 'skipped', reason: 'truncated', byteCount: inner - i });
          i = inner;
        } else {
          events.push({ kind: 'skipped', reason: 'oversize', byteCount: HJ212_MAX_FRAME_BYTES });
          discarding = true;
          i += HJ212_MAX_FRAME_BYTES;
        }
        continue;
      }
      const end = crlf + 2;
      const from = frameStart(data, i, end);
      if (from > i) events.push({ kind: 'skipped', reason: 'truncated', byteCount: from - i });
      events.push({ kind: 'frame', bytes: data.subarray(from, end) });
      i = end;
    }
    held = data.slice(i);
    return events;
  }

  function end(): FrameEvent[] {
    const rest = held;
    held = new Uint8Array(0);
    const wasDiscarding = discarding;
    discarding = false;
    if (rest.length === 0 || wasDiscarding) return [];
    const isFrameStart = rest.length >= 2 && rest[0] === HASH && rest[1] === HASH;
    return [{ kind: 'skipped', reason: isFrameStart ? 'truncated' : 'garbage', byteCount: rest.length }];
  }

  return { push, end };
}

/**
 * Where the frame ending at `end` starts: at the last `##` in the span whose envelope checks (length
 * and CRC), so the bytes before it were cut frames; else at `start` (one bad frame, for the decoder
 * to name). The innermost wins, not the outermost: this CRC carries only 8 bits of state from byte
 * to byte (see hj212Crc16), so a cut frame whose length field lines up with the next packet's CR LF
 * ends with that packet's bytes and usually gets that packet's CRC too. A genuine packet never
 * holds a `##` whose own length and CRC check up to its CR LF.
 */
function frameStart(data: Uint8Array, start: number, end: number): number {
  const inner: number[] = [];
  for (let at = indexOfPair(data, HASH, HASH, start + 1, end); at >= 0; at = indexOfPair(data, HASH, HASH, at + 1, end)) inner.push(at);
  for (let k = inner.length - 1; k >= 0; k--) if (envelopeChecks(data, inner[k] as number, end)) return inner[k] as number;
  return start;
}

/** Whether `##` at `at` up to CR LF at `end` has the length its field declares and the CRC its data segment has. */
function envelopeChecks(data: Uint8Array, at: number, end: number): boolean {
  const length = end - at - HJ212_FRAME_OVERHEAD_BYTES;
  if (length < 0 || declaredLength(data, at) !== length) return false;
  const crcAt = at + 6 + length;
  let sent = 0;
  for (let k = crcAt; k < crcAt + 4; k++) {
    const digit = hexValue(data[k] as number);
    if (digit < 0) return false;
    sent = sent * 16 + digit;
  }
  return hj212Crc16(data.subarray(at + 6, crcAt)) === sent;
}

/** The value of one hex digit (either case, as devices also send lower case), or -1. */
function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** The 4 decimal digits after `##` at `at`, or null when they are not (yet) there. */
function declaredLength(data: Uint8Array, at: number): number | null {
  if (data.length < at + 6) return null;
  let value = 0;
  for (let k = at + 2; k < at + 6; k++) {
    const d = (data[k] as number) - 0x30;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return value;
}

/** While discarding: the index to resume at (a `##`, or just past a CR LF), or null if none yet. */
function nextStop(data: Uint8Array, from: number): number | null {
  for (let k = from; k + 1 < data.length; k++) {
    const b = data[k];
    if (b === HASH && data[k + 1] === HASH) return k;
    if (b === CR && data[k + 1] === LF) return k + 2;
  }
  return null;
}

/** Drops what was scanned but keeps a last `#` or CR, which may begin a delimiter in the next chunk. */
function keepPossibleDelimiterStart(data: Uint8Array, from: number): number {
  const last = data[data.length - 1];
  return data.length > from && (last === HASH || last === CR) ? data.length - 1 : data.length;
}

function indexOfPair(data: Uint8Array, first: number, second: number, from: number, until = data.length): number {
  const limit = Math.min(until, data.length) - 1;
  for (let k = data.indexOf(first, from); k >= 0 && k < limit; k = data.indexOf(first, k + 1)) {
    if (data[k + 1] === second) return k;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
