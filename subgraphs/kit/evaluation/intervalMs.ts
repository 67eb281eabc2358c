/** The nominal spacing of each HJ 212 data type, for gap detection (HJ 212-2017 command codes). */
import type { ReadingInterval } from '../model.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const INTERVAL_MS: Readonly<Record<ReadingInterval, number>> = {
  REALTIME: MINUTE,
  MINUTE,
  HOURLY: HOUR,
  FOUR_HOURLY: 4 * HOUR,
  DAILY: 24 * HOUR,
};
