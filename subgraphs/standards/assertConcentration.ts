/** Input checks shared by the calculators: concentrations are finite and never negative. */
import { StandardsInputError } from './StandardsInputError.ts';

export function assertConcentration(code: string, value: unknown): number {
  if (value === null || value === undefined) {
    throw new StandardsInputError('MISSING_CONCENTRATION', `${code}: no value given`, { code });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StandardsInputError('NOT_A_NUMBER', `${code}: ${String(value)} is not a finite number`, { code });
  }
  if (value < 0) {
    throw new StandardsInputError('NEGATIVE_VALUE', `${code}: concentration ${value} is negative`, { code, value });
  }
  return value;
}

/** HJ 212 codes are lower case ('w21003'); some systems send them upper case ('W21003'). */
export function normaliseCode(code: string): string {
  return code.trim().toLowerCase();
}
