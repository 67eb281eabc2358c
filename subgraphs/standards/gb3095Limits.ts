/**
 * GB 3095 ambient-air concentration limits (basic items) by edition. 2012: 表1 (cross-checked with
 * the IAQI = 100 row of HJ 633-2012). 2026: only PM2.5 is known — phase 1
 * (2026-03-01 → 2030-12-31) grade II annual 30 / 24 h 60, phase 2 (from 2031) grade I 10/25 and
 * grade II 25/50 (press reports, Feb 2026; docs/air-quality.md). PM10, SO2 and NO2 were tightened but the values were not found, so
 * they are absent rather than guessed. H8 = daily maximum 8 h mean. Units µg/m³, CO mg/m³.
 */
import type { StandardRef } from './StandardRef.ts';

export type AirAveraging = 'ANNUAL' | 'H24' | 'H8' | 'H1';
export type AirGrade = 'I' | 'II';

export interface AirLimitRow {
  readonly code: string;
  readonly averaging: AirAveraging;
  /** Null where the edition's value is not known. */
  readonly gradeI: number | null;
  readonly gradeII: number | null;
  readonly unit: string;
}

export interface AirQualityEdition {
  readonly ref: StandardRef;
  /** 2026 applies its limits in two phases. */
  readonly phase: 1 | 2 | null;
  readonly inForceFrom: string;
  readonly inForceTo: string | null;
  readonly rows: readonly AirLimitRow[];
  readonly notes: readonly string[];
}

const UG = 'µg/m³';
const row = (code: string, averaging: AirAveraging, gradeI: number | null, gradeII: number | null, unit = UG): AirLimitRow =>
  ({ code, averaging, gradeI, gradeII, unit });

export const GB3095_2012: AirQualityEdition = {
  ref: { standard: 'GB 3095', version: '2012' },
  phase: null,
  inForceFrom: '2016-01-01',
  inForceTo: '2026-02-28',
  rows: [
    row('a21026', 'ANNUAL', 20, 60), row('a21026', 'H24', 50, 150), row('a21026', 'H1', 150, 500),
    row('a21004', 'ANNUAL', 40, 40), row('a21004', 'H24', 80, 80), row('a21004', 'H1', 200, 200),
    row('a21005', 'H24', 4, 4, 'mg/m³'), row('a21005', 'H1', 10, 10, 'mg/m³'),
    row('a05024', 'H8', 100, 160), row('a05024', 'H1', 160, 200),
    row('a34002', 'ANNUAL', 40, 70), row('a34002', 'H24', 50, 150),
    row('a34004', 'ANNUAL', 15, 35), row('a34004', 'H24', 35, 75),
  ],
  notes: [],
};

export const GB3095_2026_PHASE1: AirQualityEdition = {
  ref: { standard: 'GB 3095', version: '2026' },
  phase: 1,
  inForceFrom: '2026-03-01',
  inForceTo: '2030-12-31',
  rows: [row('a34004', 'ANNUAL', null, 30), row('a34004', 'H24', null, 60)],
  notes: ['Only PM2.5 grade II is known for phase 1 (press reports of GB 3095-2026); other rows are not in this table'],
};

export const GB3095_2026_PHASE2: AirQualityEdition = {
  ref: { standard: 'GB 3095', version: '2026' },
  phase: 2,
  inForceFrom: '2031-01-01',
  inForceTo: null,
  rows: [row('a34004', 'ANNUAL', 10, 25), row('a34004', 'H24', 25, 50)],
  notes: ['Only PM2.5 is known for phase 2 (press reports of GB 3095-2026); other rows are not in this table'],
};

export const AIR_QUALITY_EDITIONS: readonly AirQualityEdition[] = [GB3095_2012, GB3095_2026_PHASE1, GB3095_2026_PHASE2];
