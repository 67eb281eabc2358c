import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodePacket, type Hj212PacketInput } from '../../../subgraphs/hj212-codec/encodePacket.ts';
import { SAMPLE_PACKETS, text } from '../../fixtures/hj212/hj212Fixtures.ts';

const upperCrc = (frame: string) => frame.slice(0, -6) + frame.slice(-6).toUpperCase();

describe('encodePacket', () => {
  it.each(SAMPLE_PACKETS.map((p) => [p.id, p] as const))('re-encodes the decoded %s byte for byte (CRC in upper case)', (_, p) => {
    const result = decodePacket(p.frame);
    if (!result.ok) throw result.error;
    expect(text(encodePacket({ ...result.packet, flag: result.packet.flag.raw }))).toBe(upperCrc(p.frame));
  });

  it('writes the fields in the standard order with DataTime first and numbers in plain decimals', () => {
    const frame = text(encodePacket({
      qn: '20240315100500789', st: '32', cn: '2011', pw: '123456', mn: '500153WW0000000000000007', flag: 5,
      cp: {
        dataTime: '20240315100500',
        pollutants: [
          { code: 'w01018', fields: [['Rtd', 56.3], ['Flag', 'N']] },
          { code: 'w21011', fields: [['Rtd', 0.0000001], ['Flag', 'D']] },
        ],
      },
    }));
    expect(frame).toBe('##0175QN=20240315100500789;ST=32;CN=2011;PW=123456;MN=500153WW0000000000000007;Flag=5;' +
      'CP=&&DataTime=20240315100500;w01018-Rtd=56.3,w01018-Flag=N;w21011-Rtd=0.0000001,w21011-Flag=D&&' +
      frame.slice(-6));
    expect(decodePacket(frame).ok).toBe(true);
  });

  it('writes PNUM/PNO for a split packet', () => {
    const frame = text(encodePacket({ st: '22', cn: '2061', mn: 'AQ1', flag: 10, subpacket: { total: 3, number: 2 } }));
    expect(frame).toContain(';Flag=10;PNUM=3;PNO=2;CP=&&&&');
  });

  const invalid: Array<[string, Hj212PacketInput]> = [
    ['a separator inside a value', { st: '32', cn: '2011', mn: 'A;B' }],
    ['an MN over 24 characters', { st: '32', cn: '2011', mn: 'M'.repeat(25) }],
    ['a CN outside the table', { st: '32', cn: '2099', mn: 'M' }],
    ['a split packet without Flag bit D', { st: '32', cn: '2011', mn: 'M', flag: 4, subpacket: { total: 2, number: 1 } }],
    ['a data segment over 1024 bytes', {
      st: '32', cn: '2011', mn: 'M', cp: { pollutants: Array.from({ length: 200 }, (_, i) => ({ code: `w${i}`, fields: [['Rtd', 1]] as const })) },
    }],
    ['an infinite value', { st: '32', cn: '2011', mn: 'M', cp: { pollutants: [{ code: 'w01018', fields: [['Rtd', Infinity]] }] } }],
  ];
  it.each(invalid)('throws RangeError for %s (a programming error, not a packet)', (_, input) => {
    expect(() => encodePacket(input)).toThrow(RangeError);
  });
});
