import { HJ212_DECODE_ERRORS } from '../../hj212-codec/Hj212DecodeError.ts';

/**
 * Why the ingest refused a packet: the codec's decode errors plus the ingest's own. Defined once,
 * with their meaning; stable, because counters, logs and alerts key on them.
 */
export const HJ212_REJECT_CODES = {
  ...HJ212_DECODE_ERRORS,
  HJ212_UNKNOWN_MN: 'The MN is no station of this bureau (station `code`), in memory or in its store.',
  HJ212_SPLIT_INCOMPLETE:
    'Parts of a split message (Flag bit D, PNUM/PNO) that never completed within the time limit, or were ' +
    'dropped because too many messages were incomplete at once.',
} as const;

export type Hj212RejectCode = keyof typeof HJ212_REJECT_CODES;

export const HJ212_REJECT_CODE_LIST = Object.keys(HJ212_REJECT_CODES) as Hj212RejectCode[];
