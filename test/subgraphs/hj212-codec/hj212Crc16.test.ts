import { describe, expect, it } from 'vitest';
import { formatHj212Crc, hj212Crc16 } from '../../../subgraphs/hj212-codec/hj212Crc16.ts';
import { bytes, SAMPLE_PACKETS } from '../../fixtures/hj212/hj212Fixtures.ts';

/** The data segment of a frame: between the 4-digit length and the 4-hex CRC. */
const segmentOf = (frame: string) => bytes(frame.slice(6, -6));

/** CRC-16/MODBUS, only to show the HJ 212 algorithm is not it (docs/hj212.md, "CRC"). */
function modbus(data: Uint8Array): number {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

describe('hj212Crc16 (HJ 212-2017 Appendix A)', () => {
  it.each(SAMPLE_PACKETS.map((p) => [p.id, p] as const))('reproduces the CRC of sample packet %s', (_, p) => {
    expect(formatHj212Crc(hj212Crc16(segmentOf(p.frame)))).toBe(p.crc.toUpperCase());
  });

  it('differs from CRC-16/MODBUS on the official example (1C80, MODBUS gives 0759)', () => {
    const official = segmentOf(SAMPLE_PACKETS[0]!.frame);
    expect(formatHj212Crc(hj212Crc16(official))).toBe('1C80');
    expect(formatHj212Crc(modbus(official))).toBe('0759');
  });

  it('starts from 0xFFFF and writes 4 uppercase hex digits, zero-padded', () => {
    expect(hj212Crc16(new Uint8Array(0))).toBe(0xffff);
    expect(formatHj212Crc(0x00ab)).toBe('00AB');
  });
});
