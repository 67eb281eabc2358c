/** The concentrations an AQI report is computed from, each with how many hours it stands on. */
import type { AqiConcentration } from '../../standards/index.ts';

export type CountedConcentration = AqiConcentration & { readonly count: number };

export interface AqiInputs {
  /** The hour (real-time report) or the day's start (daily report) the inputs describe. */
  readonly time: number;
  readonly concentrations: readonly CountedConcentration[];
}
