import { formatHj212Crc, hj212Crc16 } from './hj212Crc16.ts';
import { HJ212_MAX_DATA_BYTES } from './hj212Limits.ts';

/**
 * Wraps a data segment into a frame: `##`, its length as 4 decimal digits, the segment, its CRC as
 * 4 uppercase hex digits, CR LF (HJ 212-2017 通讯包结构组成表 and Appendix A).
 * Throws RangeError past 1024 bytes: building an oversize packet is a programming error.
 */
export function frameDataSegment(segment: Uint8Array): Uint8Array {
  if (segment.length > HJ212_MAX_DATA_BYTES) {
    throw new RangeError(`An HJ 212 data segment is at most ${HJ212_MAX_DATA_BYTES} bytes; this one is ${segment.length}.`);
  }
  const frame = new Uint8Array(segment.length + 12);
  const head = `##${String(segment.length).padStart(4, '0')}`;
  const tail = `${formatHj212Crc(hj212Crc16(segment))}\r\n`;
  for (let i = 0; i < 6; i++) frame[i] = head.charCodeAt(i);
  frame.set(segment, 6);
  for (let i = 0; i < 6; i++) frame[6 + segment.length + i] = tail.charCodeAt(i);
  return frame;
}
