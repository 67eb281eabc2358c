import { Hj212DecodeError } from './Hj212DecodeError.ts';
import type { Hj212Packet } from './Hj212Packet.ts';
import { parseDataSegment } from './parseDataSegment.ts';
import { crcMismatch, unwrapFrame } from './unwrapFrame.ts';

export type Hj212DecodeResult =
  | { readonly ok: true; readonly packet: Hj212Packet }
  | { readonly ok: false; readonly error: Hj212DecodeError };

export interface Hj212DecodeOptions {
  /**
   * MNs of devices known to send CRC-16/MODBUS, low byte first, instead of the HJ 212-2017
   * Appendix A CRC: their packets pass with deviation HJ212_CRC_MODBUS_LOW_BYTE_FIRST. Any other
   * MN with such a CRC is refused as HJ212_CRC_MISMATCH. @default none
   */
  readonly modbusCrcMns?: ReadonlySet<string>;
}

const utf8 = new TextEncoder();

/**
 * Decodes one complete HJ 212 frame `##dddd…XXXX\r\n` (HJ 212-2017 通讯包结构 and 数据段结构).
 * Envelope, size, length and CRC are checked before any field is read, as the frame is untrusted
 * input; then the data segment is parsed strictly, taking only the unambiguous deviations of
 * Hj212Deviation (listed on the packet). A MODBUS CRC is tried only when some MN opted in: the
 * segment it verifies is parsed, and the packet is refused unless its MN is one of them. Never
 * throws for bad input: the result is the packet or a decode error with a stable code
 * (HJ212_BAD_FRAME, HJ212_OVERSIZE, HJ212_BAD_LENGTH, HJ212_CRC_MISMATCH, HJ212_BAD_FIELD,
 * HJ212_UNKNOWN_CN). A string is taken as text and measured in UTF-8 bytes.
 */
export function decodePacket(frame: Uint8Array | string, options: Hj212DecodeOptions = {}): Hj212DecodeResult {
  const bytes = typeof frame === 'string' ? utf8.encode(frame) : frame;
  const modbusMns = options.modbusCrcMns;
  try {
    const { segment, crc, sentCrc, hj212Crc } = unwrapFrame(bytes, { tryModbusCrc: modbusMns !== undefined && modbusMns.size > 0 });
    const packet = parseDataSegment(segment);
    if (crc === 'HJ212') return { ok: true, packet };
    if (!modbusMns?.has(packet.mn)) throw crcMismatch(sentCrc, hj212Crc);
    return { ok: true, packet: { ...packet, deviations: [...packet.deviations, 'HJ212_CRC_MODBUS_LOW_BYTE_FIRST'] } };
  } catch (error) {
    if (error instanceof Hj212DecodeError) return { ok: false, error };
    throw error;
  }
}
