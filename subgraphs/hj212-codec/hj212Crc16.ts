/**
 * CRC of an HJ 212 data segment (the bytes between the 4-digit length and the CRC), per HJ 212-2017
 * Appendix A; every packet of test/fixtures/hj212/referencePackets.json is a test vector. NOT CRC-16/MODBUS: each
 * byte does `crc = (crc >> 8) ^ b` before the 8 shift/XOR rounds with 0xA001 (MODBUS does
 * `crc ^= b`), so only 8 bits of state carry from byte to byte. That makes it a line-noise check and
 * nothing more (256 possible values for segments ending in `&&`; docs/hj212.md, "CRC"), never a dedupe key.
 */
export function hj212Crc16(segment: Uint8Array): number {
  let crc = 0xffff;
  // (crc >> 8) ^ b is below 256, so the 8 rounds depend on that byte alone: one table lookup.
  for (let i = 0; i < segment.length; i++) crc = ROUNDS[(crc >>> 8) ^ (segment[i] as number)] as number;
  return crc;
}

/** The 8 shift/XOR rounds (reflected polynomial 0xA001) applied to each byte value. */
const ROUNDS = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let round = 0; round < 8; round++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  return crc;
});

/** The CRC as it is written in a packet: 4 uppercase hex digits, high byte first. */
export function formatHj212Crc(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
