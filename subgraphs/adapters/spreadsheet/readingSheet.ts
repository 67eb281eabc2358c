/**
 * 监测数据/<站点编号>.csv: one file per station, one reading per row. Columns: 监测时间, 数据类型,
 * then per factor a value column `名称(编码)` and a flag column `名称(编码)标记` (HJ 212 数据标记).
 * An empty value with a flag is a missing value (null); both empty means the reading lacks that
 * factor; a value without a flag is flagged N (normal), as exports often leave N out.
 */
import { z } from 'zod';
import type { DataFlag, FactorRecord, ReadingRecord, ReadingValueRecord } from '../../kit/model.ts';
import { optionalNumber, requiredTime } from './cellFields.ts';
import { INTERVAL } from './sheetLabels.ts';
import type { WrittenRow } from './SheetSpec.ts';
import { formatSheetTime } from './sheetTime.ts';

export const READINGS_FOLDER = '监测数据';
const TIME = '监测时间';
const KIND = '数据类型';
const VALUE_HEADER = /\(([A-Za-z0-9]+)\)$/;
const FLAG_HEADER = /\(([A-Za-z0-9]+)\)标记$/;

const FLAGS: ReadonlySet<string> = new Set<DataFlag>(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);

/** One transform, no pipe: a readings folder has ~350,000 flag cells. */
const flag = z.unknown().transform((v, ctx): DataFlag | null => {
  const text = typeof v === 'string' ? v.trim() : v;
  if (text === null || text === '') return null;
  if (typeof text === 'string' && FLAGS.has(text)) return text as DataFlag;
  ctx.addIssue({ code: 'custom', message: `not an HJ 212 data flag (N F M S D C T B): ${String(v)}`, input: v });
  return z.NEVER;
});

export function readingsFileOf(stationLocalId: string): string {
  return `${READINGS_FOLDER}/${stationLocalId}.csv`;
}

/** The header the writer uses for a station's factors (and any other codes its readings carry). */
export function readingColumns(factors: readonly FactorRecord[]): string[] {
  return [TIME, KIND, ...factors.flatMap((f) => [`${f.name}(${f.code})`, `${f.name}(${f.code})标记`])];
}

export function readingToRow(r: ReadingRecord, factors: readonly FactorRecord[]): WrittenRow {
  const row: Record<string, string | number | null> = { [TIME]: formatSheetTime(r.time), [KIND]: INTERVAL.labelOf(r.interval) };
  for (const f of factors) {
    const v = r.values.find((x) => x.code === f.code);
    row[`${f.name}(${f.code})`] = v?.value ?? null;
    row[`${f.name}(${f.code})标记`] = v?.flag ?? null;
  }
  return row;
}

/**
 * The row schema for a readings file's header, and how a valid row becomes a reading. A header that
 * is neither a fixed column nor a factor column is returned in `unknown` (the caller reports it).
 */
export function readingSchemaFor(headers: readonly string[]) {
  const shape: Record<string, z.ZodType> = { [TIME]: requiredTime, [KIND]: INTERVAL.schema };
  const factors: Array<{ code: string; value: string; flag: string | null }> = [];
  const unknown: string[] = [];
  for (const header of headers) {
    if (header === TIME || header === KIND) continue;
    const flagMatch = FLAG_HEADER.exec(header);
    const valueMatch = flagMatch ? null : VALUE_HEADER.exec(header);
    if (valueMatch) {
      shape[header] = optionalNumber;
      factors.push({ code: valueMatch[1] as string, value: header, flag: null });
    } else if (flagMatch) {
      shape[header] = flag;
    } else {
      unknown.push(header);
    }
  }
  for (const f of factors) f.flag = headers.find((h) => FLAG_HEADER.exec(h)?.[1] === f.code) ?? null;

  const toReading = (row: Record<string, unknown>): Omit<ReadingRecord, 'stationId'> => {
    const values: ReadingValueRecord[] = [];
    for (const f of factors) {
      const value = row[f.value] as number | null;
      const given = f.flag === null ? null : (row[f.flag] as DataFlag | null);
      if (value === null && given === null) continue;
      values.push({ code: f.code, value, flag: given ?? 'N' });
    }
    return { time: row[TIME] as number, interval: row[KIND] as ReadingRecord['interval'], values };
  };
  return { schema: z.object(shape), toReading, unknown };
}
