import type { BureauDatabase } from '../sql/schema.ts';

/**
 * Every accepted HJ 212 data packet, one row per (MN, CN, DataTime): the ingest's dedupe key and the
 * home of the series the readings table cannot hold (see writeIngestBatch). `reading_interval` is
 * the CN's data type (REALTIME 2011, MINUTE 2051, HOURLY 2061, DAILY 2031), `time` the DataTime as
 * epoch ms (+08:00), `values_json` the readings' `[code, value, flag]` tuples, and `data_segment`
 * the packet's data segment as received, for audit and for the fields not modelled (Min, Max, Cou…).
 */
export interface Hj212PacketsTable {
  mn: string;
  cn: string;
  time: number;
  station_id: string;
  reading_interval: string;
  qn: string | null;
  st: string;
  flag: number | null;
  values_json: string;
  data_segment: string;
  received_at: number;
}

export interface Hj212IngestDatabase extends BureauDatabase {
  hj212_packets: Hj212PacketsTable;
}
