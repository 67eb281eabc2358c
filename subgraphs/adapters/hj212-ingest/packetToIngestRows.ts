import type { DataFlag, ReadingValueRecord } from '../../kit/model.ts';
import type { Hj212DataCn } from '../../hj212-codec/hj212Commands.ts';
import type { Hj212Packet } from '../../hj212-codec/Hj212Packet.ts';
import { parseHj212Time } from '../../hj212-codec/parseHj212Time.ts';
import { readingToRow } from '../sql/monitoringRows.ts';
import type { ReadingsTable } from '../sql/schema.ts';
import type { Hj212PacketsTable } from './Hj212IngestDatabase.ts';
import type { IngestStation } from './IngestStation.ts';
import { intervalOfDataCn, seriesCnOf } from './intervalOfDataCn.ts';

/** The data flags of HJ 212-2017 §6.6.4 (表8 数据标记), the model's DataFlag. */
const DATA_FLAGS: ReadonlySet<string> = new Set<DataFlag>(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);

export interface IngestRows {
  /** The dedupe key (MN, CN, DataTime). */
  readonly key: string;
  readonly packet: Hj212PacketsTable;
  /** The readings row, when the packet belongs to the station's regular series; else null. */
  readonly reading: ReadingsTable | null;
}

export type IngestMapping =
  | { readonly ok: true; readonly rows: IngestRows }
  | { readonly ok: false; readonly code: 'HJ212_BAD_FIELD'; readonly reason: string };

/**
 * Turns a decoded pollutant-data upload of a known station into its rows. The value of each factor
 * is `Rtd` for real-time data (2011) and `Avg` for minute, hourly and daily data (2051/2061/2031),
 * null when the device sent none; its data flag is kept, and a factor without a `-Flag` counts as
 * N (normal), the way HJ/T 212-2005 devices that omit it mean it. DataTime is China time (+08:00).
 * Refused as HJ212_BAD_FIELD: no DataTime, no factor, or a data flag outside HJ 212-2017's eight
 * (the model cannot hold it, and storing it as another flag would falsify an alarm input).
 */
export function packetToIngestRows(
  packet: Hj212Packet & { readonly cn: Hj212DataCn },
  station: IngestStation,
  dataSegment: string,
  receivedAt: number,
): IngestMapping {
  const { dataTime, pollutants } = packet.cp;
  if (dataTime === null) return refuse('The data upload has no DataTime.');
  if (pollutants.length === 0) return refuse('The data upload has no factor values.');
  const time = parseHj212Time(dataTime) as number; // the decoder checked it is a real time
  const realtime = packet.cn === '2011';
  const values: ReadingValueRecord[] = [];
  for (const p of pollutants) {
    const flag = p.flag ?? 'N';
    if (!DATA_FLAGS.has(flag)) return refuse(`Factor ${p.code} has data flag "${flag.slice(0, 8)}", none of N F M S D C T B.`);
    values.push({ code: p.code, value: realtime ? p.rtd : p.avg, flag: flag as DataFlag });
  }
  const inSeries = seriesCnOf(station.interval) === packet.cn;
  const reading = readingToRow({ stationId: station.id, time, interval: station.interval, values });
  return {
    ok: true,
    rows: {
      key: `${packet.mn}\u0000${packet.cn}\u0000${time}`,
      packet: {
        mn: packet.mn,
        cn: packet.cn,
        time,
        station_id: station.id,
        reading_interval: intervalOfDataCn(packet.cn),
        qn: packet.qn,
        st: packet.st,
        flag: packet.flag.raw,
        values_json: reading.values_json,
        data_segment: dataSegment,
        received_at: receivedAt,
      },
      reading: inSeries ? reading : null,
    },
  };
}

function refuse(reason: string): IngestMapping {
  return { ok: false, code: 'HJ212_BAD_FIELD', reason };
}
