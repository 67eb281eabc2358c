/**
 * A time-stamped reading of a station, as the HJ 212 data segment carries it: one value and one
 * data flag per factor (HJ 212-2017 §6.6.4 表8 and CP 指令参数). Structurally the same as the kit's ReadingRecord.
 */

/** HJ 212 data flags: N normal, F stopped, M maintenance, S manual set value, D fault, C calibrating,
 * T above the measuring range, B communication fault (HJ 212-2017 §6.6.4 表8). */
export type DataFlag = 'N' | 'F' | 'M' | 'S' | 'D' | 'C' | 'T' | 'B';

export const DATA_FLAGS: readonly DataFlag[] = ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'];

export interface ReadingValue {
  readonly code: string;
  readonly value: number | null;
  readonly flag: DataFlag;
}

/** HJ 212 data types (command codes 2011 real-time, 2051 minute, 2061 hourly, 2031 daily; four-hourly water data). */
export type ReadingInterval = 'REALTIME' | 'MINUTE' | 'HOURLY' | 'FOUR_HOURLY' | 'DAILY';

export interface Reading {
  /** Epoch milliseconds of the data time (DataTime); a daily value's is the start of its day. */
  readonly time: number;
  /**
   * The data type. Unset reads as one regular series (every value weighs the same); period means weigh a
   * value by the time it stands for, so daily values can join finer ones (periodMeans.ts).
   */
  readonly interval?: ReadingInterval;
  readonly values: readonly ReadingValue[];
}

/** Flag meanings for alarm sentences (HJ 212-2017 §6.6.4 表8). */
export const DATA_FLAG_NAMES: Readonly<Record<DataFlag, { readonly zh: string; readonly en: string }>> = {
  N: { zh: '正常', en: 'normal' },
  F: { zh: '停运', en: 'instrument stopped' },
  M: { zh: '维护', en: 'maintenance' },
  S: { zh: '手工输入设定值', en: 'manually set value' },
  D: { zh: '故障', en: 'instrument fault' },
  C: { zh: '校准', en: 'calibrating' },
  T: { zh: '超测量上限', en: 'above measuring range' },
  B: { zh: '通讯异常', en: 'communication fault' },
};
