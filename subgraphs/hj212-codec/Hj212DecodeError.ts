/**
 * Why a frame was refused. Each code is defined once here, with what it means; codes are stable
 * (logs, counters and alerts key on them) and are never reused for another meaning.
 */
export const HJ212_DECODE_ERRORS = {
  HJ212_BAD_FRAME:
    'Not one `##`…`\\r\\n` frame: header, tail, 4 decimal length digits or 4 hex CRC digits missing or malformed, ' +
    'or a frame cut short by the next `##`.',
  HJ212_OVERSIZE:
    'The data segment is (or declares itself) longer than the 1024 bytes HJ 212-2017 allows.',
  HJ212_BAD_LENGTH:
    'The 4-digit data length does not match the bytes between it and the CRC.',
  HJ212_CRC_MISMATCH:
    'The CRC (HJ 212-2017 Appendix A) of the data segment differs from the one in the frame.',
  HJ212_BAD_FIELD:
    'The data segment passed length and CRC but a field is missing, duplicated, too long or malformed ' +
    '(QN, ST, CN, PW, MN, Flag, PNUM/PNO, CP grammar, DataTime, a numeric value), or is not UTF-8 text.',
  HJ212_UNKNOWN_CN:
    'The CN is well formed but is no command code of HJ 212-2017 (or of the known 2025/local extensions).',
} as const;

export type Hj212DecodeErrorCode = keyof typeof HJ212_DECODE_ERRORS;

/** A refused frame: `code` is stable, `message` says which part failed (no payload echoed beyond a field name). */
export class Hj212DecodeError extends Error {
  override readonly name = 'Hj212DecodeError';
  constructor(readonly code: Hj212DecodeErrorCode, message: string) {
    super(message);
  }
}
