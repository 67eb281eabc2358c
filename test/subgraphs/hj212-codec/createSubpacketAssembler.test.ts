import { describe, expect, it } from 'vitest';
import { createSubpacketAssembler } from '../../../subgraphs/hj212-codec/createSubpacketAssembler.ts';
import { decodePacket } from '../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodePacket } from '../../../subgraphs/hj212-codec/encodePacket.ts';
import type { Hj212Packet } from '../../../subgraphs/hj212-codec/Hj212Packet.ts';

function part(qn: string, total: number, number: number, code: string, dataTime: string | null = '20240315100000'): { packet: Hj212Packet } {
  const result = decodePacket(encodePacket({
    qn, st: '32', cn: '2011', mn: 'M1', flag: 7, subpacket: { total, number },
    cp: { dataTime, pollutants: [{ code, fields: [['Rtd', number], ['Flag', 'N']] }] },
  }));
  if (!result.ok) throw result.error;
  return { packet: result.packet };
}

describe('createSubpacketAssembler (PNUM/PNO)', () => {
  it('passes an unsplit packet straight through', () => {
    const result = decodePacket(encodePacket({ st: '32', cn: '2011', mn: 'M1', flag: 5 }));
    if (!result.ok) throw result.error;
    const assembler = createSubpacketAssembler();
    expect(assembler.add({ packet: result.packet }, 0)).toMatchObject({ kind: 'complete', packet: result.packet });
  });

  it('completes a message whose parts arrive in any order, with the pollutants in PNO order', () => {
    const assembler = createSubpacketAssembler();
    expect(assembler.add(part('1', 3, 3, 'c3', null), 0)).toEqual({ kind: 'pending', dropped: [] });
    expect(assembler.add(part('1', 3, 1, 'c1'), 1)).toEqual({ kind: 'pending', dropped: [] });
    expect(assembler.add(part('1', 3, 1, 'c1'), 2)).toEqual({ kind: 'duplicate-part' });
    const done = assembler.add(part('1', 3, 2, 'c2'), 3);
    expect(done.kind).toBe('complete');
    if (done.kind !== 'complete') return;
    expect(done.packet.cp.pollutants.map((p) => [p.code, p.rtd])).toEqual([['c1', 1], ['c2', 2], ['c3', 3]]);
    expect(done.packet).toMatchObject({ subpacket: null, qn: '1', cp: { dataTime: '20240315100000' } });
    expect(done.parts).toHaveLength(3);
    expect(assembler.size).toBe(0);
  });

  it('keeps messages with different QNs apart', () => {
    const assembler = createSubpacketAssembler();
    assembler.add(part('1', 2, 1, 'a'), 0);
    expect(assembler.add(part('2', 2, 2, 'b'), 0).kind).toBe('pending');
    expect(assembler.size).toBe(2);
  });

  it('drops messages that do not complete within maxAgeMs, and the oldest beyond maxMessages', () => {
    const assembler = createSubpacketAssembler({ maxAgeMs: 1000, maxMessages: 2 });
    const first = part('1', 2, 1, 'a');
    assembler.add(first, 0);
    assembler.add(part('2', 2, 1, 'b'), 500);
    expect(assembler.add(part('3', 2, 1, 'c'), 600)).toEqual({ kind: 'pending', dropped: [first] });
    expect(assembler.expire(1499)).toHaveLength(0);
    expect(assembler.expire(1500)).toHaveLength(1);
    expect(assembler.clear()).toHaveLength(1);
    expect(assembler.size).toBe(0);
  });
});
