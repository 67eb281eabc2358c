/**
 * Assessment periods as agreements and bulletins name them: a month '2026-10' or a year '2026',
 * in China Standard Time, as [from, to) epoch ms; and the period a trend compares with.
 */
import { ERRORS } from '../../schema/errors.ts';

export interface AssessmentPeriod {
  readonly text: string;
  readonly kind: 'MONTHLY' | 'ANNUAL';
  readonly year: number;
  /** 1–12 for a month. */
  readonly month: number | null;
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

const CST_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

function cstStart(year: number, monthIndex: number): number {
  return Date.UTC(year, monthIndex, 1) - CST_OFFSET_MS;
}

export function periodOf(year: number, month: number | null): AssessmentPeriod {
  if (month === null) return { text: String(year), kind: 'ANNUAL', year, month, from: cstStart(year, 0), to: cstStart(year + 1, 0) };
  return {
    text: `${year}-${String(month).padStart(2, '0')}`, kind: 'MONTHLY', year, month,
    from: cstStart(year, month - 1), to: cstStart(year, month),
  };
}

export function parsePeriod(text: string, argument = 'period'): AssessmentPeriod {
  const match = PATTERN.exec(text.trim());
  const year = Number(match?.[1]);
  const month = match?.[2] === undefined ? null : Number(match[2]);
  if (!match || year < 2000 || year > 2100 || (month !== null && (month < 1 || month > 12))) {
    throw ERRORS.BAD_USER_INPUT.err(`${argument} must be a month like 2026-10 or a year like 2026 (2000–2100), got ${JSON.stringify(text)}.`, {
      extensions: { argument },
    });
  }
  return periodOf(year, month);
}

/** The period before (a month or a year earlier), or the same period a year earlier. */
export function comparisonPeriod(period: AssessmentPeriod, basis: 'PREVIOUS_PERIOD' | 'SAME_PERIOD_LAST_YEAR'): AssessmentPeriod {
  if (basis === 'SAME_PERIOD_LAST_YEAR' || period.month === null) return periodOf(period.year - 1, period.month);
  return period.month === 1 ? periodOf(period.year - 1, 12) : periodOf(period.year, period.month - 1);
}
