/**
 * Size limits of HJ 212-2017 (通讯包结构组成表 and 数据段结构组成表). Field limits include
 * the `XX=` prefix in the standard; here they are the value lengths (limit minus the prefix).
 */

/** The data segment is 0–1024 bytes (HJ 212-2017 通讯包结构). */
export const HJ212_MAX_DATA_BYTES = 1024;

/** `##` + 4-digit length + 4-hex CRC + CR LF around the data segment. */
export const HJ212_FRAME_OVERHEAD_BYTES = 12;

/** The largest legal frame: 1024 + 12 bytes (the hard limit on what a peer can make the splitter
 * hold). */
export const HJ212_MAX_FRAME_BYTES = HJ212_MAX_DATA_BYTES + HJ212_FRAME_OVERHEAD_BYTES;

/** Longest value of each data-segment field: the 2017 maximum minus `XX=` (HJ 212-2017 数据段结构组成表). */
export const HJ212_MAX_VALUE_LENGTH = {
  QN: 17, // QN=20: YYYYMMDDhhmmsszzz
  ST: 2, // ST=5
  CN: 4, // CN=7
  PW: 6, // PW=9
  MN: 24, // MN=27
  Flag: 3, // Flag=8
  PNUM: 4, // PNUM=9
  PNO: 4, // PNO=8
} as const;

/**
 * Longer values real devices send that are still unambiguous (letters/digits, or printable text
 * without separators), taken with a recorded deviation (Hj212Deviation): ST=101 from a deployed
 * 2020 receiver's log, PW of 24 hex digits from a 2019 air station (platform-issued keys are MD5-
 * sized, so 32 bounds them). Anything longer is still refused.
 */
export const HJ212_TOLERATED_VALUE_LENGTH = {
  ST: 3,
  PW: 32,
} as const;

/** `CP=&&…&&` as a whole is at most 950 bytes (HJ 212-2017 数据段结构组成表, CP). */
export const HJ212_MAX_CP_BYTES = 950;
