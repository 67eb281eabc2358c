import { LegacyParamError } from './ListSpec.ts';
import { parseLegacyTime } from './legacyTime.ts';

/** ASCII letters fold to lower case, other characters compare as they are (as MySQL's LIKE did here). */
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** `keyword`: any of the columns contains the text. */
export function keywordIn<Row>(...columns: ReadonlyArray<(row: Row) => string>) {
  return (value: string) => {
    const wanted = fold(value);
    return (row: Row) => columns.some((column) => fold(column(row)).includes(wanted));
  };
}

/** An exact match on one column. */
export function equals<Row>(column: (row: Row) => string | null) {
  return (value: string) => (row: Row) => column(row) === value;
}

/** A comma-separated list of accepted values (e.g. `tyshxydm=a,b`), at most 100. */
export function oneOf<Row>(column: (row: Row) => string | null) {
  return (value: string) => {
    const wanted = new Set(splitList(value));
    return (row: Row) => { const v = column(row); return v !== null && wanted.has(v); };
  };
}

/** A comma-separated column containing the value (e.g. 涉及河流 `sjhl` contains `hlbm`). */
export function listContains<Row>(column: (row: Row) => string) {
  return (value: string) => (row: Row) => column(row).split(',').includes(value);
}

/** `xxxStart` / `xxxEnd` on a time column, both inclusive (the columns compare as text in this format). */
export function timeFrom<Row>(column: (row: Row) => string) {
  return (value: string) => { const t = timeParam(value); return (row: Row) => column(row) >= t; };
}

export function timeTo<Row>(column: (row: Row) => string) {
  return (value: string) => { const t = timeParam(value); return (row: Row) => column(row) <= t; };
}

export function timeParam(value: string): string {
  if (parseLegacyTime(value) === null) throw new LegacyParamError(`时间格式错误：${value}，应为 yyyy-MM-dd HH:mm:ss`);
  return value;
}

export const MAX_LIST_ITEMS = 100;

export function splitList(value: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length > MAX_LIST_ITEMS) throw new LegacyParamError(`一次最多查询 ${MAX_LIST_ITEMS} 个编号`);
  return items;
}
