/** The shape of an AQI technical regulation (HJ 633) as data, so editions can sit side by side. */
import type { StandardRef } from './StandardRef.ts';

/** Averaging period of a concentration: 1 h, 8 h (moving / daily max), 24 h. */
export type AqiPeriod = 'H1' | 'H8' | 'H24';
export type AqiVersion = '2012' | '2026';

/** One column of Table 1: the concentration at each IAQI step; null where the table has none. */
export interface AqiBreakpointColumn {
  readonly code: string;
  readonly period: AqiPeriod;
  readonly unit: string;
  readonly concentrations: readonly (number | null)[];
  /** False where the column is not checked against the standard text. */
  readonly verified: boolean;
}

/** "If C > above, do not compute this column's IAQI; use the `use` period instead" (Table 1 notes 2, 3). */
export interface AqiSubstitution {
  readonly code: string;
  readonly period: AqiPeriod;
  readonly above: number;
  readonly use: AqiPeriod;
  readonly clause: string;
}

export interface AqiStandard {
  readonly ref: StandardRef & { readonly version: AqiVersion };
  readonly title: string;
  readonly inForceFrom: string;
  /** The IAQI values the breakpoint rows stand for (0, 50, 100, 150, 200, 300, 400, 500). */
  readonly iaqiSteps: readonly number[];
  readonly columns: readonly AqiBreakpointColumn[];
  readonly substitutions: readonly AqiSubstitution[];
  readonly notes: readonly string[];
}
