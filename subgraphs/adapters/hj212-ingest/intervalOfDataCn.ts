import type { ReadingInterval } from '../../kit/model.ts';
import type { Hj212DataCn } from '../../hj212-codec/hj212Commands.ts';

/** HJ 212 data uploads and the model's intervals (HJ 212-2017 §6.6.5 命令编码表; contract enum ReadingInterval). */
const INTERVAL: Readonly<Record<Hj212DataCn, ReadingInterval>> = {
  '2011': 'REALTIME',
  '2051': 'MINUTE',
  '2061': 'HOURLY',
  '2031': 'DAILY',
};

/**
 * The CN carrying each interval's series. HJ 212 has no 4-hourly data type: the surface-water
 * network's 4-hourly samples travel as hourly data (2061), so a FOUR_HOURLY station's series is its 2061.
 */
const SERIES_CN: Readonly<Record<ReadingInterval, Hj212DataCn>> = {
  REALTIME: '2011',
  MINUTE: '2051',
  HOURLY: '2061',
  FOUR_HOURLY: '2061',
  DAILY: '2031',
};

/** The data type of a pollutant-data upload: 2011 REALTIME, 2051 MINUTE, 2061 HOURLY, 2031 DAILY. */
export function intervalOfDataCn(cn: Hj212DataCn): ReadingInterval {
  return INTERVAL[cn];
}

/** The CN whose packets form the regular series of a station reporting at `interval`. */
export function seriesCnOf(interval: ReadingInterval): Hj212DataCn {
  return SERIES_CN[interval];
}

/**
 * The CN whose packets are data of exactly `interval`; null for FOUR_HOURLY, which HJ 212 has no
 * data type for (those stations' packets are hourly data, read as HOURLY).
 */
export function dataCnOf(interval: ReadingInterval): Hj212DataCn | null {
  for (const cn of Object.keys(INTERVAL) as Hj212DataCn[]) if (INTERVAL[cn] === interval) return cn;
  return null;
}
