/**
 * The 24 packets real devices and libraries published (test/fixtures/hj212/realDevicePackets.json,
 * each with its repository, path, commit and line): what the decoder takes, with which recorded
 * deviation, what it refuses and why, and the fields and values it reads from each.
 */
import { describe, expect, it } from 'vitest';
import type { Hj212Deviation, Hj212DecodeErrorCode } from '../../../subgraphs/hj212-codec/index.ts';
import { decodePacket, formatHj212Crc, modbusCrc16 } from '../../../subgraphs/hj212-codec/index.ts';
import { REAL_DEVICE_PACKETS, type RealDevicePacket } from '../../fixtures/hj212/hj212Fixtures.ts';

type Outcome = readonly Hj212Deviation[] | Hj212DecodeErrorCode;

/** What a tolerant, safe reader does with each packet by default. */
const BY_DEFAULT: Readonly<Record<string, Outcome>> = {
  p01: [], p02: ['HJ212_LONG_ST'], p03: 'HJ212_CRC_MISMATCH', p04: 'HJ212_OVERSIZE', p05: ['HJ212_LONG_PW'],
  p06: 'HJ212_OVERSIZE', p07: [], p08: 'HJ212_BAD_LENGTH', p09: [], p10: 'HJ212_CRC_MISMATCH', p11: 'HJ212_CRC_MISMATCH',
  p12: 'HJ212_CRC_MISMATCH', p13: [], p14: [], p15: 'HJ212_CRC_MISMATCH', p16: [], p17: ['HJ212_DATATIME_MILLISECONDS'],
  p18: [], p19: [], p20: [], p21: [], p22: [], p23: [], p24: ['HJ212_DATATIME_MILLISECONDS'],
};

/** With every MN of the file opted in to CRC-16/MODBUS low byte first: only p03 changes (p04, p06 stay over 1024 bytes). */
const WITH_MODBUS: Readonly<Record<string, Outcome>> = { ...BY_DEFAULT, p03: ['HJ212_CRC_MODBUS_LOW_BYTE_FIRST'] };

const frame = (p: RealDevicePacket) => `${p.packet}\r\n`;

function expectReadAsPublished(p: RealDevicePacket, packet: NonNullable<ReturnType<typeof read>>): void {
  const e = p.expected;
  expect({ qn: packet.qn, st: packet.st, cn: packet.cn, pw: packet.pw, mn: packet.mn }).toEqual({ qn: e.QN, st: e.ST, cn: e.CN, pw: e.PW, mn: e.MN });
  expect(packet.flag.raw).toBe(e.Flag === null ? null : Number(e.Flag));
  expect(packet.subpacket).toEqual(e.PNUM === null ? null : { total: Number(e.PNUM), number: Number(e.PNO) });
  // A 17-digit DataTime (milliseconds) is read to the second.
  expect(packet.cp.dataTime).toBe(e.DataTime === null ? null : e.DataTime.slice(0, 14));
  expect(Object.fromEntries(packet.cp.other)).toEqual(e.otherCp);
  // Sorted: JSON objects put integer-like keys ("831") first, whatever the packet order.
  expect(packet.cp.pollutants.map((x) => x.code).sort()).toEqual(Object.keys(e.pollutants).sort());
  for (const pollutant of packet.cp.pollutants) {
    const published = e.pollutants[pollutant.code] ?? {};
    expect(Object.fromEntries(pollutant.fields)).toEqual(published);
    if (published['Rtd'] !== undefined) expect(pollutant.rtd).toBe(Number(published['Rtd']));
    if (published['Avg'] !== undefined) expect(pollutant.avg).toBe(Number(published['Avg']));
    expect(pollutant.flag).toBe(published['Flag'] ?? null);
  }
}

function read(p: RealDevicePacket, modbusCrcMns?: ReadonlySet<string>) {
  const result = decodePacket(frame(p), modbusCrcMns === undefined ? {} : { modbusCrcMns });
  return result.ok ? result.packet : null;
}

describe('real devices\' packets, by default', () => {
  it('has an expected outcome for each of the 24 published packets', () => {
    expect(REAL_DEVICE_PACKETS.map((p) => p.id).sort()).toEqual(Object.keys(BY_DEFAULT).sort());
  });

  for (const p of REAL_DEVICE_PACKETS) {
    const outcome = BY_DEFAULT[p.id] as Outcome;
    const where = `${p.source.repo} ${p.source.path}:${p.source.line}`;
    if (typeof outcome === 'string') {
      it(`${p.id} (${where}) is refused with ${outcome}`, () => {
        const result = decodePacket(frame(p));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe(outcome);
      });
    } else {
      it(`${p.id} (${where}) is taken${outcome.length > 0 ? ` with ${outcome.join(', ')}` : ''}, fields and values as published`, () => {
        const result = decodePacket(frame(p));
        expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        if (!result.ok) return;
        expect(result.packet.deviations).toEqual(outcome);
        expectReadAsPublished(p, result.packet);
      });
    }
  }
});

describe('CRC-16/MODBUS low byte first, opt-in per MN', () => {
  const everyMn = new Set(REAL_DEVICE_PACKETS.map((p) => p.expected.MN));

  it.each(REAL_DEVICE_PACKETS.map((p) => [p.id, p] as const))('computes %s\'s published CRC-16/MODBUS', (_id, p) => {
    const segment = new TextEncoder().encode(p.packet.slice(6, -4));
    expect(formatHj212Crc(modbusCrc16(segment))).toBe(p.modbusCrc);
  });

  for (const p of REAL_DEVICE_PACKETS) {
    const outcome = WITH_MODBUS[p.id] as Outcome;
    it(`${p.id} with every MN opted in: ${typeof outcome === 'string' ? `refused with ${outcome}` : `taken with [${outcome.join(', ')}]`}`, () => {
      const result = decodePacket(frame(p), { modbusCrcMns: everyMn });
      if (typeof outcome === 'string') {
        expect(result.ok ? 'taken' : result.error.code).toBe(outcome);
      } else {
        expect(result.ok ? result.packet.deviations : result.error.code).toEqual(outcome);
        expectReadAsPublished(p, read(p, everyMn) as NonNullable<ReturnType<typeof read>>);
      }
    });
  }

  it('refuses a MODBUS CRC from an MN that did not opt in, even when another did', () => {
    const p03 = REAL_DEVICE_PACKETS.find((p) => p.id === 'p03') as RealDevicePacket;
    const result = decodePacket(frame(p03), { modbusCrcMns: new Set(['88888880000001']) });
    expect(result.ok ? 'taken' : result.error).toMatchObject({ code: 'HJ212_CRC_MISMATCH', message: 'The CRC is A6EC but the data segment\'s is 0440.' });
  });

  it('refuses a packet whose CRC is MODBUS high byte first, or neither', () => {
    const p01 = REAL_DEVICE_PACKETS.find((p) => p.id === 'p01') as RealDevicePacket;
    const mns = new Set([p01.expected.MN]);
    // p01's MODBUS CRC is E95B: as E95B (high byte first) it is not what opted-in devices send.
    const highFirst = `${p01.packet.slice(0, -4)}${p01.modbusCrc}\r\n`;
    expect(decodePacket(highFirst, { modbusCrcMns: mns })).toMatchObject({ ok: false, error: { code: 'HJ212_CRC_MISMATCH' } });
    const lowFirst = `${p01.packet.slice(0, -4)}${p01.modbusCrc.slice(2)}${p01.modbusCrc.slice(0, 2)}\r\n`;
    expect(decodePacket(lowFirst, { modbusCrcMns: mns })).toMatchObject({ ok: true, packet: { deviations: ['HJ212_CRC_MODBUS_LOW_BYTE_FIRST'] } });
    expect(decodePacket(lowFirst)).toMatchObject({ ok: false, error: { code: 'HJ212_CRC_MISMATCH' } });
  });
});
