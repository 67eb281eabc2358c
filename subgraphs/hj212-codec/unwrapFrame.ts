import { hj212Crc16 } from './hj212Crc16.ts';
import { Hj212DecodeError } from './Hj212DecodeError.ts';
import { HJ212_FRAME_OVERHEAD_BYTES, HJ212_MAX_DATA_BYTES } from './hj212Limits.ts';
import { modbusCrc16, swapCrcBytes } from './modbusCrc16.ts';

/** Which check the segment passed: HJ 212-2017 Appendix A, or CRC-16/MODBUS written low byte first. */
export type Hj212CrcKind = 'HJ212' | 'MODBUS_LOW_BYTE_FIRST';

export interface UnwrappedFrame {
  /** The data segment (a view, not a copy). */
  readonly segment: Uint8Array;
  readonly crc: Hj212CrcKind;
  /** The CRC the frame carries and the segment's Appendix A CRC (equal when `crc` is HJ212). */
  readonly sentCrc: number;
  readonly hj212Crc: number;
}

export interface UnwrapOptions {
  /**
   * Whether a segment whose CRC fails Appendix A may instead pass as CRC-16/MODBUS low byte first.
   * The caller must then still check that the packet's MN opted in. @default false
   */
  readonly tryModbusCrc?: boolean;
}

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Checks the envelope of one frame `##` + 4 decimal digits + data segment + 4 hex digits + CR LF
 * (HJ 212-2017 通讯包结构组成表) and returns the data segment (a view, not a copy).
 * Everything here runs before a single field is parsed, as the frame is untrusted input: size,
 * declared length against the actual one, then the CRC (Appendix A; hex compared
 * case-insensitively, as devices also send lower case). With `tryModbusCrc` a segment failing
 * Appendix A passes when its CRC-16/MODBUS, low byte first, matches; the result says so. Throws
 * Hj212DecodeError.
 */
export function unwrapFrame(frame: Uint8Array, options: UnwrapOptions = {}): UnwrappedFrame {
  const n = frame.length;
  if (n < 2 || frame[0] !== HASH || frame[1] !== HASH) {
    throw new Hj212DecodeError('HJ212_BAD_FRAME', 'The frame does not start with "##".');
  }
  if (n < HJ212_FRAME_OVERHEAD_BYTES || frame[n - 2] !== CR || frame[n - 1] !== LF) {
    throw new Hj212DecodeError('HJ212_BAD_FRAME', 'The frame does not end with CR LF after a 4-digit CRC.');
  }
  const declared = decimalDigits(frame, 2, 4);
  if (declared === null) throw new Hj212DecodeError('HJ212_BAD_FRAME', 'The data length is not 4 decimal digits.');
  const actual = n - HJ212_FRAME_OVERHEAD_BYTES;
  if (declared > HJ212_MAX_DATA_BYTES || actual > HJ212_MAX_DATA_BYTES) {
    throw new Hj212DecodeError('HJ212_OVERSIZE',
      `The data segment is ${Math.max(declared, actual)} bytes; at most ${HJ212_MAX_DATA_BYTES} are allowed.`);
  }
  if (declared !== actual) {
    throw new Hj212DecodeError('HJ212_BAD_LENGTH', `The data length says ${declared} bytes but the segment has ${actual}.`);
  }
  const sent = hexDigits(frame, 6 + actual, 4);
  if (sent === null) throw new Hj212DecodeError('HJ212_BAD_FRAME', 'The CRC is not 4 hex digits.');
  const segment = frame.subarray(6, 6 + actual);
  const computed = hj212Crc16(segment);
  if (computed === sent) return { segment, crc: 'HJ212', sentCrc: sent, hj212Crc: computed };
  if (options.tryModbusCrc === true && swapCrcBytes(modbusCrc16(segment)) === sent) {
    return { segment, crc: 'MODBUS_LOW_BYTE_FIRST', sentCrc: sent, hj212Crc: computed };
  }
  throw crcMismatch(sent, computed);
}

export function crcMismatch(sent: number, computed: number): Hj212DecodeError {
  return new Hj212DecodeError('HJ212_CRC_MISMATCH', `The CRC is ${hex4(sent)} but the data segment's is ${hex4(computed)}.`);
}

function decimalDigits(bytes: Uint8Array, start: number, count: number): number | null {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = (bytes[i] as number) - 0x30;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return value;
}

function hexDigits(bytes: Uint8Array, start: number, count: number): number | null {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const b = bytes[i] as number;
    const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;
    if (d < 0) return null;
    value = value * 16 + d;
  }
  return value;
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
