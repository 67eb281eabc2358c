import { describe, expect, it } from 'vitest';
import type { ReadingInterval } from '../../../../subgraphs/kit/model.ts';
import { packetToIngestRows } from '../../../../subgraphs/adapters/hj212-ingest/packetToIngestRows.ts';
import { decodePacket } from '../../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodePacket, type Hj212CpInput } from '../../../../subgraphs/hj212-codec/encodePacket.ts';
import type { Hj212DataCn } from '../../../../subgraphs/hj212-codec/hj212Commands.ts';
import type { Hj212Packet } from '../../../../subgraphs/hj212-codec/Hj212Packet.ts';

const MN = '500153WW0000000000000007';
const RECEIVED = 1_700_000_000_000;

function upload(cn: Hj212DataCn, cp: Hj212CpInput): Hj212Packet & { cn: Hj212DataCn } {
  const result = decodePacket(encodePacket({ qn: '20240315100500789', st: '32', cn, pw: '123456', mn: MN, flag: 5, cp }));
  if (!result.ok) throw result.error;
  return result.packet as Hj212Packet & { cn: Hj212DataCn };
}

const station = (interval: ReadingInterval) => ({ id: 'S1', mn: MN, interval });
const values = { dataTime: '20240315100000', pollutants: [
  { code: 'w01018', fields: [['Rtd', '56.3'], ['Avg', '50.1'], ['Flag', 'N']] as const },
  { code: 'w21011', fields: [['Rtd', ''], ['Avg', '0.4'], ['Flag', 'D']] as const },
  { code: 'w01001', fields: [['Rtd', '7.2'], ['Avg', '7.1']] as const },
] };

describe('packetToIngestRows', () => {
  it('takes Rtd for real-time data, keeps data flags, reads an empty value as null and a missing flag as N', () => {
    const mapped = packetToIngestRows(upload('2011', values), station('REALTIME'), 'segment', RECEIVED);
    expect(mapped).toEqual({
      ok: true,
      rows: {
        key: `${MN}\u00002011\u0000${Date.parse('2024-03-15T10:00:00+08:00')}`,
        packet: {
          mn: MN, cn: '2011', time: Date.parse('2024-03-15T10:00:00+08:00'), station_id: 'S1', reading_interval: 'REALTIME',
          qn: '20240315100500789', st: '32', flag: 5,
          values_json: '[["w01018",56.3,"N"],["w21011",null,"D"],["w01001",7.2,"N"]]',
          data_segment: 'segment', received_at: RECEIVED,
        },
        reading: {
          station_id: 'S1', time: Date.parse('2024-03-15T10:00:00+08:00'), reading_interval: 'REALTIME',
          values_json: '[["w01018",56.3,"N"],["w21011",null,"D"],["w01001",7.2,"N"]]',
        },
      },
    });
  });

  it.each([['2051', 'MINUTE'], ['2061', 'HOURLY'], ['2031', 'DAILY']] as const)('takes Avg for %s (%s) data', (cn, interval) => {
    const mapped = packetToIngestRows(upload(cn, values), station(interval), 's', RECEIVED);
    expect(mapped.ok && mapped.rows.packet.values_json).toBe('[["w01018",50.1,"N"],["w21011",0.4,"D"],["w01001",7.1,"N"]]');
    expect(mapped.ok && mapped.rows.packet.reading_interval).toBe(interval);
  });

  it.each([
    ['2061', 'FOUR_HOURLY', 'FOUR_HOURLY'],
    ['2061', 'HOURLY', 'HOURLY'],
    ['2011', 'HOURLY', null],
    ['2051', 'REALTIME', null],
    ['2031', 'HOURLY', null],
  ] as const)('puts %s data of a %s station into readings as %s (only the series CN)', (cn, interval, stored) => {
    const mapped = packetToIngestRows(upload(cn, values), station(interval), 's', RECEIVED);
    expect(mapped.ok && (mapped.rows.reading?.reading_interval ?? null)).toBe(stored);
  });

  it.each([
    ['no DataTime', { pollutants: values.pollutants }],
    ['no factor', { dataTime: '20240315100000' }],
    ['a data flag outside N F M S D C T B', { dataTime: '20240315100000', pollutants: [{ code: 'w01018', fields: [['Rtd', '1'], ['Flag', 'P']] as const }] }],
  ])('refuses an upload with %s as HJ212_BAD_FIELD', (_, cp) => {
    expect(packetToIngestRows(upload('2011', cp), station('REALTIME'), 's', RECEIVED)).toMatchObject({ ok: false, code: 'HJ212_BAD_FIELD' });
  });
});
