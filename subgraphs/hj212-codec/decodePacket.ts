import { Hj212DecodeError } from './Hj212DecodeError.ts';
import type { Hj212Packet } from './Hj212Packet.ts';
import { parseDataSegment } from './parseDataSegment.ts';
import { unwrapFrame } from './unwrapFrame.ts';

export type Hj212DecodeResult =
  | { readonly ok: true; readonly packet: Hj212Packet }
  | { readonly ok: false; readonly error: Hj212DecodeError };

const utf8 = new TextEncoder();

/**
 * Decodes one complete HJ 212 frame `##dddd…XXXX\r\n` (HJ 212-2017 通讯包结构 and 数据段结构,
 * REFERENCE §1.1–§1.8).
 * Envelope, size, length and CRC are checked before any field is read (STYLE R15); then the data
 * segment is parsed strictly. Never throws for bad input: the result is the packet or a decode
 * error with a stable code (HJ212_BAD_FRAME, HJ212_OVERSIZE, HJ212_BAD_LENGTH, HJ212_CRC_MISMATCH,
 * HJ212_BAD_FIELD, HJ212_UNKNOWN_CN). A string is taken as text and measured in UTF-8 bytes.
 */
export function decodePacket(frame: Uint8Array | string): Hj212DecodeResult {
  const bytes = typeof frame === 'string' ? utf8.encode(frame) : frame;
  try {
    return { ok: true, packet: parseDataSegment(unwrapFrame(bytes)) };
  } catch (error) {
    if (error instanceof Hj212DecodeError) return { ok: false, error };
    throw error;
  }
}
