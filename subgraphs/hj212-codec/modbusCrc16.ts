/**
 * CRC-16/MODBUS of a data segment (init 0xFFFF, reflected polynomial 0xA001, `crc ^= b` before the
 * 8 rounds): what some field devices send in place of the HJ 212-2017 Appendix A CRC (hj212Crc16),
 * written low byte first. Never accepted by default; a bureau opts in per MN (see decodePacket).
 */
export function modbusCrc16(segment: Uint8Array): number {
  let crc = 0xffff;
  for (let i = 0; i < segment.length; i++) {
    crc ^= segment[i] as number;
    for (let round = 0; round < 8; round++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** The 4 hex digits of a CRC written low byte first (0xECA6 → "A6EC"), read back as a number. */
export function swapCrcBytes(crc: number): number {
  return ((crc & 0xff) << 8) | (crc >>> 8);
}
