/**
 * HJ 633 IAQI breakpoints (Table 1) by edition. 2012: read from the official release text
 * (HJ 633-2012 表1, from the release PDF kept in caiyunapp/aqi-hub; verified). 2026: only the PM2.5/PM10 24 h columns change, per caiyunapp/aqi-hub
 * src/cn.rs — unverified against the standard text, whose public copies are scanned images (docs/air-quality.md, "The 2026 revision").
 * Units: µg/m³, CO mg/m³. Beware that same repo's SO2 24 h column, which copies the 1 h one (docs/air-quality.md).
 */
import type { AqiBreakpointColumn, AqiStandard, AqiVersion } from './AqiStandard.ts';
import { StandardsInputError } from './StandardsInputError.ts';

const UG = 'µg/m³';
const col = (code: string, period: AqiBreakpointColumn['period'], unit: string, ...c: (number | null)[]): AqiBreakpointColumn =>
  ({ code, period, unit, concentrations: c, verified: true });

const COLUMNS_2012: readonly AqiBreakpointColumn[] = [
  col('a21026', 'H24', UG, 0, 50, 150, 475, 800, 1600, 2100, 2620),
  // Note (2): no 1 h SO2 IAQI above 800 µg/m³.
  col('a21026', 'H1', UG, 0, 150, 500, 650, 800, null, null, null),
  col('a21004', 'H24', UG, 0, 40, 80, 180, 280, 565, 750, 940),
  col('a21004', 'H1', UG, 0, 100, 200, 700, 1200, 2340, 3090, 3840),
  col('a34002', 'H24', UG, 0, 50, 150, 250, 350, 420, 500, 600),
  col('a21005', 'H24', 'mg/m³', 0, 2, 4, 14, 24, 36, 48, 60),
  col('a21005', 'H1', 'mg/m³', 0, 5, 10, 35, 60, 90, 120, 150),
  col('a05024', 'H1', UG, 0, 160, 200, 300, 400, 800, 1000, 1200),
  // Note (3): no 8 h O3 IAQI above 800 µg/m³.
  col('a05024', 'H8', UG, 0, 100, 160, 215, 265, 800, null, null),
  col('a34004', 'H24', UG, 0, 35, 75, 115, 150, 250, 350, 500),
];

const SUBSTITUTIONS_2012 = [
  { code: 'a21026', period: 'H1', above: 800, use: 'H24', clause: 'HJ 633-2012 Table 1 note (2)' },
  { code: 'a05024', period: 'H8', above: 800, use: 'H1', clause: 'HJ 633-2012 Table 1 note (3)' },
] as const;

export const HJ633_2012: AqiStandard = {
  ref: { standard: 'HJ 633', version: '2012' },
  title: '环境空气质量指数（AQI）技术规定（试行）',
  inForceFrom: '2016-01-01',
  iaqiSteps: [0, 50, 100, 150, 200, 300, 400, 500],
  columns: COLUMNS_2012,
  substitutions: SUBSTITUTIONS_2012,
  notes: [],
};

/** 2026 PM columns: the 良/轻度 boundary (IAQI 100) moves to 60 (PM2.5) and 120 (PM10) [unverified]. */
const PM_2026: readonly AqiBreakpointColumn[] = [
  { ...col('a34004', 'H24', UG, 0, 35, 60, 115, 150, 250, 350, 500), verified: false },
  { ...col('a34002', 'H24', UG, 0, 50, 120, 250, 350, 420, 500, 600), verified: false },
];

export const HJ633_2026: AqiStandard = {
  ref: { standard: 'HJ 633', version: '2026' },
  title: '环境空气质量指数（AQI）技术规定',
  inForceFrom: '2026-03-01',
  iaqiSteps: HJ633_2012.iaqiSteps,
  // Gas columns assumed unchanged, as in the one source found (caiyunapp/aqi-hub src/cn.rs) [unverified].
  columns: [...COLUMNS_2012.filter((c) => c.code !== 'a34004' && c.code !== 'a34002'), ...PM_2026],
  substitutions: SUBSTITUTIONS_2012.map((s) => ({ ...s, clause: `${s.clause} (assumed kept in 2026) [unverified]` })),
  notes: [
    'PM2.5/PM10 breakpoints from caiyunapp/aqi-hub src/cn.rs, not from the standard text [unverified]',
    'Other columns, the substitution notes and the levels are assumed unchanged from 2012 [unverified]',
  ],
};

export const AQI_STANDARDS: readonly AqiStandard[] = [HJ633_2012, HJ633_2026];

export function findAqiStandard(version: AqiVersion = '2012'): AqiStandard {
  const found = AQI_STANDARDS.find((s) => s.ref.version === version);
  if (!found) throw new StandardsInputError('UNKNOWN_STANDARD', `no HJ 633 edition ${String(version)}`, { version });
  return found;
}
