/**
 * Departures from HJ 212-2017 that real devices make and that the decoder takes because they are
 * unambiguous: each is recorded on the packet and counted per reason by the ingest. Codes are
 * stable (counters and alerts key on them) and never reused for another meaning.
 */
export const HJ212_DEVIATIONS = {
  HJ212_LONG_ST:
    'ST is 3 characters (HJ 212-2017 数据段结构 allows ST=5, i.e. 2); letters and digits only, so it cannot swallow a separator.',
  HJ212_LONG_PW:
    'PW is 7–32 characters (HJ 212-2017 allows PW=9, i.e. 6); platforms hand devices longer keys. Printable, separator-free.',
  HJ212_DATATIME_MILLISECONDS:
    'DataTime is YYYYMMDDhhmmsszzz (17 digits, the QN format) instead of YYYYMMDDhhmmss; read to the second.',
  HJ212_CRC_MODBUS_LOW_BYTE_FIRST:
    'The CRC is CRC-16/MODBUS written low byte first, not HJ 212-2017 Appendix A; taken only for MNs the bureau opted in.',
} as const;

export type Hj212Deviation = keyof typeof HJ212_DEVIATIONS;

export const HJ212_DEVIATION_LIST = Object.keys(HJ212_DEVIATIONS) as Hj212Deviation[];
