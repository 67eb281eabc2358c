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

export interface Reading {
  /** Epoch milliseconds of the data time (DataTime). */
  readonly time: number;
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
