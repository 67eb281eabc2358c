import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../../subgraphs/hj212-codec/decodePacket.ts';
import type { Hj212Packet } from '../../../subgraphs/hj212-codec/Hj212Packet.ts';
import { frameDataSegment } from '../../../subgraphs/hj212-codec/frameDataSegment.ts';
import {
  bytes, FLAG_VARIANTS, MALFORMED_BASIS, MALFORMED_PACKETS, SAMPLE_PACKETS, samplePacket,
} from '../../fixtures/hj212/hj212Fixtures.ts';

function decoded(frame: string | Uint8Array): Hj212Packet {
  const result = decodePacket(frame);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.packet;
}

function errorCode(frame: string | Uint8Array): string {
  const result = decodePacket(frame);
  return result.ok ? 'decoded' : result.error.code;
}

describe('decodePacket: the sample packets (Appendix A, alltobs-hj212, constructed)', () => {
  it.each(SAMPLE_PACKETS.map((p) => [p.id, p] as const))('decodes %s from bytes and from text alike', (_, p) => {
    const fromBytes = decoded(bytes(p.frame));
    expect(decoded(p.frame)).toEqual(fromBytes);
  });

  it('decodes the official CN=1062 example: header fields, Flag bits and a CP without DataTime', () => {
    const packet = decoded(samplePacket('appendix-a-1062').frame);
    expect(packet).toEqual({
      qn: '20160801085857223',
      st: '32',
      cn: '1062',
      pw: '100000',
      mn: '010000A8900016F000169DC0',
      flag: { raw: 5, version: '2017', ackRequested: true, hasSubpackets: false },
      subpacket: null,
      cp: { dataTime: null, pollutants: [], other: [['RtdInterval', '30']] },
      deviations: [],
    });
  });

  it('decodes the waste-water real-time packet with each pollutant value and its data flag (TP in fault: D)', () => {
    const packet = decoded(samplePacket('waste-water-realtime-2011').frame);
    expect(packet.cp.dataTime).toBe('20240315100500');
    expect(packet.cp.pollutants.map((p) => [p.code, p.rtd, p.flag])).toEqual([
      ['w01018', 56.3, 'N'], ['w21003', 4.12, 'N'], ['w21011', 0.41, 'D'], ['w01001', 7.2, 'N'], ['w00000', 12.5, 'N'],
    ]);
    expect(packet.cp.pollutants[0]).toEqual({
      code: 'w01018', rtd: 56.3, min: null, avg: null, max: null, cou: null, flag: 'N', eFlag: null,
      fields: [['Rtd', '56.3'], ['Flag', 'N']],
    });
  });

  it('decodes hourly packets with Avg values (surface water: 9 factors, ambient air: 6)', () => {
    const water = decoded(samplePacket('surface-water-hourly-2061').frame);
    expect(water.cn).toBe('2061');
    expect(water.cp.pollutants).toHaveLength(9);
    expect(water.cp.pollutants.find((p) => p.code === 'w21003')?.avg).toBe(0.215);
    const air = decoded(samplePacket('ambient-air-hourly-2061').frame);
    expect(air.flag).toEqual({ raw: 4, version: '2017', ackRequested: false, hasSubpackets: false });
    expect(air.cp.pollutants.map((p) => [p.code, p.avg])).toEqual([
      ['a34004', 48], ['a34002', 71], ['a21026', 9], ['a21004', 35], ['a21005', 0.8], ['a05024', 62],
    ]);
  });

  it('accepts the lower-case CRC of the chenqi92 sample (CRC compared case-insensitively) and its Flag=8', () => {
    const p = samplePacket('alltobs-surface-water-2011');
    expect(p.crc).toBe('7d00');
    const packet = decoded(p.frame);
    expect(packet.mn).toBe('ZLDSZ20210127');
    expect(packet.flag).toEqual({ raw: 8, version: '2025', ackRequested: false, hasSubpackets: false });
    expect(packet.cp.pollutants.find((x) => x.code === 'w21003')?.rtd).toBe(0.09055002);
  });

  it('decodes the 9014 ack with an empty CP', () => {
    const packet = decoded(samplePacket('ack-9014').frame);
    expect(packet).toMatchObject({ st: '91', cn: '9014', qn: '20240315100500789', cp: { dataTime: null, pollutants: [], other: [] } });
  });
});

describe('decodePacket: Flag values of HJ/T 212-2005, HJ 212-2017 and HJ 212-2025', () => {
  it.each(FLAG_VARIANTS.map((v) => [v.name, v] as const))('%s', (_, v) => {
    const packet = decoded(v.frame);
    expect(packet.flag).toEqual(v.flag);
    expect(packet.subpacket === null).toBe(!v.flag.hasSubpackets);
  });

  it('reads PNUM/PNO of a split packet', () => {
    const split = FLAG_VARIANTS.find((v) => v.flag.raw === 11)!;
    expect(decoded(split.frame).subpacket).toEqual({ total: 2, number: 1 });
  });
});

describe('decodePacket: malformed frames, each with its stable code', () => {
  it('starts from a valid packet', () => {
    expect(errorCode(MALFORMED_BASIS)).toBe('decoded');
  });

  it.each(MALFORMED_PACKETS.map((m) => [m.name, m.code, m.frame] as const))('%s → %s', (_, code, frame) => {
    expect(errorCode(frame)).toBe(code);
  });

  it('refuses a data segment of 1025 bytes as HJ212_OVERSIZE, and accepts one of exactly 1024', () => {
    const withFiller = (size: number) => {
      const head = 'QN=20240315100500789;ST=32;CN=1062;PW=123456;MN=500153WW0000000000000007;Flag=4;CP=&&RtdInterval=';
      return new TextEncoder().encode(`${head}${'1'.repeat(size - head.length - 2)}&&`);
    };
    const frameOf = (segment: Uint8Array) => {
      // frameDataSegment refuses to build oversize frames, so the 1025-byte one is spliced by hand.
      const ok = frameDataSegment(segment.subarray(0, 1024));
      const out = new Uint8Array(segment.length + 12);
      out.set(new TextEncoder().encode(`##${String(segment.length).padStart(4, '0')}`));
      out.set(segment, 6);
      out.set(ok.subarray(ok.length - 6), 6 + segment.length);
      return out;
    };
    expect(errorCode(frameDataSegment(withFiller(1024)))).toBe('decoded');
    expect(errorCode(frameOf(withFiller(1025)))).toBe('HJ212_OVERSIZE');
  });

  it('refuses a segment that is not UTF-8 as HJ212_BAD_FIELD (after its CRC passed)', () => {
    const segment = new TextEncoder().encode('ST=32;CN=2011;PW=123456;MN=X;Flag=4;CP=&&w01018-Rtd=1,w01018-Flag=N&&');
    segment[segment.indexOf(0x58)] = 0xff; // the MN 'X' becomes a lone 0xFF byte
    expect(errorCode(frameDataSegment(segment))).toBe('HJ212_BAD_FIELD');
  });

  it('checks the length before the CRC and the CRC before the fields', () => {
    // Wrong length AND wrong CRC AND no MN: the length is what is reported.
    const bad = MALFORMED_BASIS.replace('##0170', '##0169').replace('8081\r\n', '0000\r\n').replace('MN=', 'XN=');
    expect(errorCode(bad)).toBe('HJ212_BAD_LENGTH');
    expect(errorCode(MALFORMED_BASIS.replace('8081\r\n', '0000\r\n').replace('MN=', 'XN='))).toBe('HJ212_CRC_MISMATCH');
  });

  it('says what failed without echoing long stretches of the payload', () => {
    const result = decodePacket(MALFORMED_PACKETS.find((m) => m.name === 'CRC of another segment')!.frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'HJ212_CRC_MISMATCH', message: "The CRC is 1C80 but the data segment's is 8081." } });
  });

  it('refuses separators inside PW, so that every decoded packet can be answered', () => {
    const segment = new TextEncoder().encode('ST=32;CN=2011;PW=12=34;MN=X1;Flag=5;CP=&&&&');
    expect(errorCode(frameDataSegment(segment))).toBe('HJ212_BAD_FIELD');
  });

  it('keeps prototype keys as plain data (hostile CP keys)', () => {
    const segment = new TextEncoder().encode(
      'ST=32;CN=2011;PW=1;MN=X1;Flag=4;CP=&&DataTime=20240315100500;__proto__-Rtd=1,__proto__-Flag=N;constructor=2&&');
    const packet = decoded(frameDataSegment(segment));
    expect(packet.cp.pollutants.map((p) => [p.code, p.rtd])).toEqual([['__proto__', 1]]);
    expect(packet.cp.other).toEqual([['constructor', '2']]);
    expect(({} as Record<string, unknown>)['rtd']).toBeUndefined();
  });
});
