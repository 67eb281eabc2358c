/**
 * Discharge (emission) limits for pollution-source stations, as data. None of these were checked
 * against the standards' texts: they are recalled from them and must be checked before enforcement use [unverified].
 * - GB 8978-1996 污水综合排放标准, Table 4 一级标准 (units built after 1998-01-01): pH 6–9,
 *   COD 100, BOD5 20, SS 70, NH3-N 15 mg/L; the 0.5 mg/L row is 磷酸盐(以P计), applied here to TP.
 * - GB 16297-1996 大气污染物综合排放标准, Table 2 (new sources) maximum emission concentrations:
 *   SO2 550 (sulphur-compound users), NOx 240 (nitric-acid users and others), particulates 120
 *   ("其他") mg/m³. Compare converted (Zs, O2-normalised) values where the stack sends them.
 * Industry standards (e.g. GB 18918 for WWTPs, GB 13223 for power plants) override these; pass them
 * as further tables.
 */
import type { Limit } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';

export interface DischargeLimitRow extends Limit {
  readonly code: string;
  readonly verified: boolean;
}

export interface DischargeLimitTable {
  readonly ref: StandardRef;
  readonly title: string;
  /** The grade or table the rows come from, as printed, e.g. '一级标准'. */
  readonly grade: string;
  readonly gradeEn: string;
  readonly rows: readonly DischargeLimitRow[];
}

const ceiling = (code: string, max: number, unit: string): DischargeLimitRow => ({ code, min: null, max, unit, verified: false });

export const GB8978_1996_GRADE1: DischargeLimitTable = {
  ref: { standard: 'GB 8978', version: '1996' },
  title: '污水综合排放标准',
  grade: '一级标准',
  gradeEn: 'grade 1',
  rows: [
    { code: 'w01001', min: 6, max: 9, unit: '', verified: false },
    ceiling('w01018', 100, 'mg/L'),
    ceiling('w01017', 20, 'mg/L'),
    ceiling('w01012', 70, 'mg/L'),
    ceiling('w21003', 15, 'mg/L'),
    ceiling('w21011', 0.5, 'mg/L'),
  ],
};

export const GB16297_1996_NEW_SOURCES: DischargeLimitTable = {
  ref: { standard: 'GB 16297', version: '1996' },
  title: '大气污染物综合排放标准',
  grade: '表2 新污染源最高允许排放浓度',
  gradeEn: 'Table 2 new sources',
  rows: [ceiling('a21026', 550, 'mg/m³'), ceiling('a21002', 240, 'mg/m³'), ceiling('a34013', 120, 'mg/m³')],
};

/** Searched in order; the first table with a row for the code applies. */
export const DEFAULT_DISCHARGE_TABLES: readonly DischargeLimitTable[] = [GB8978_1996_GRADE1, GB16297_1996_NEW_SOURCES];
