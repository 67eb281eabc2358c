import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodeAck9014 } from '../../../subgraphs/hj212-codec/encodeAck9014.ts';
import type { Hj212Packet } from '../../../subgraphs/hj212-codec/Hj212Packet.ts';
import { FLAG_VARIANTS, samplePacket, text } from '../../fixtures/hj212/hj212Fixtures.ts';

function packetOf(frame: string): Hj212Packet {
  const result = decodePacket(frame);
  if (!result.ok) throw result.error;
  return result.packet;
}

describe('encodeAck9014 (HJ 212-2017 9014 data response)', () => {
  it('answers the sample waste-water upload with the sample 9014 packet, byte for byte', () => {
    const request = packetOf(samplePacket('waste-water-realtime-2011').frame);
    expect(text(encodeAck9014(request))).toBe(samplePacket('ack-9014').frame);
  });

  it('keeps the version bits of a 2025 request and clears A and D (Flag=11 → Flag=8)', () => {
    const request = packetOf(FLAG_VARIANTS.find((v) => v.flag.raw === 11)!.frame);
    const ack = packetOf(text(encodeAck9014(request)));
    expect(ack).toMatchObject({ cn: '9014', st: '91', qn: request.qn, mn: request.mn, pw: request.pw, subpacket: null });
    expect(ack.flag).toEqual({ raw: 8, version: '2025', ackRequested: false, hasSubpackets: false });
  });

  it('answers a 2005-style request (no QN, no Flag) as 2017 without QN', () => {
    const request = packetOf(FLAG_VARIANTS.find((v) => v.flag.raw === null)!.frame);
    expect(text(encodeAck9014(request))).toMatch(/^##\d{4}ST=91;CN=9014;PW=123456;MN=500153WW0000000000000007;Flag=4;CP=&&&&[0-9A-F]{4}\r\n$/);
  });
});
