/**
 * Which concentrations each AQI report takes (HJ 633-2012 §5 and 表1 note (1); docs/air-quality.md, "Which columns").
 * REALTIME: SO2/NO2/CO/O3 1 h, O3 8 h moving mean, PM 24 h moving mean; SO2 24 h only to replace a
 * 1 h value above 800. Table 1 has no 1 h PM column, so a PM 1 h value is read against the 24 h
 * column when no 24 h moving mean is given — the national platform's practice and aqi-hub's
 * [unverified as a clause]. DAILY: 24 h means, O3 daily max 1 h and daily max 8 h; the 1 h SO2/NO2/CO
 * columns are for the real-time report only (note (1)).
 */
import type { AqiPeriod } from './AqiStandard.ts';

export type AqiReport = 'REALTIME' | 'DAILY';

export interface AqiReportInput {
  readonly code: string;
  readonly period: AqiPeriod;
  /** The Table 1 column the value is read against. */
  readonly column: AqiPeriod;
  /** Used only to replace another period's value (SO2 24 h in the real-time report). */
  readonly substituteOnly?: boolean;
  /** Skipped when the same pollutant is also given for this period. */
  readonly unlessGiven?: AqiPeriod;
}

const SO2 = 'a21026', NO2 = 'a21004', CO = 'a21005', O3 = 'a05024', PM10 = 'a34002', PM25 = 'a34004';
const same = (code: string, period: AqiPeriod): AqiReportInput => ({ code, period, column: period });

export const AQI_REPORT_INPUTS: Readonly<Record<AqiReport, readonly AqiReportInput[]>> = {
  REALTIME: [
    same(SO2, 'H1'),
    { ...same(SO2, 'H24'), substituteOnly: true },
    same(NO2, 'H1'),
    same(CO, 'H1'),
    same(O3, 'H1'),
    same(O3, 'H8'),
    same(PM10, 'H24'),
    { code: PM10, period: 'H1', column: 'H24', unlessGiven: 'H24' },
    same(PM25, 'H24'),
    { code: PM25, period: 'H1', column: 'H24', unlessGiven: 'H24' },
  ],
  DAILY: [same(SO2, 'H24'), same(NO2, 'H24'), same(CO, 'H24'), same(PM10, 'H24'), same(PM25, 'H24'), same(O3, 'H1'), same(O3, 'H8')],
};

export const AQI_POLLUTANT_CODES: readonly string[] = [SO2, NO2, CO, O3, PM10, PM25];
