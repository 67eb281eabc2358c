import { encodePacket } from './encodePacket.ts';
import { HJ212_DATA_ACK_CN, HJ212_INTERACTION_ST } from './hj212Commands.ts';
import type { Hj212Packet } from './Hj212Packet.ts';

/** Flag of a 2017 packet that wants no response: version 1 << 2, bit A clear (docs/hj212.md, "Flags"). */
const FLAG_2017_NO_ACK = 4;

/**
 * The platform's data response (9014 数据应答, HJ 212-2017 §6.6.5 表9 命令编码表; the constructed ack in test/fixtures/hj212/referencePackets.json) to an upload that
 * set Flag bit A: ST=91, the request's QN (which ties the response to it), PW and MN, an empty CP,
 * and a Flag that keeps the request's version bits but asks for nothing back (A and D cleared), so
 * a 2017 request (Flag=5) gets Flag=4 and a 2025 one (Flag=9) gets Flag=8. A request without Flag
 * (2005 style) is answered as 2017.
 */
export function encodeAck9014(request: Pick<Hj212Packet, 'qn' | 'pw' | 'mn' | 'flag'>): Uint8Array {
  return encodePacket({
    qn: request.qn,
    st: HJ212_INTERACTION_ST,
    cn: HJ212_DATA_ACK_CN,
    pw: request.pw,
    mn: request.mn,
    flag: request.flag.raw === null ? FLAG_2017_NO_ACK : request.flag.raw & ~3,
    cp: {},
  });
}
