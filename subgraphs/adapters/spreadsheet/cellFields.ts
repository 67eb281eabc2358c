/**
 * Zod schemas for cells as bureau staff fill them in: numbers may be text, dates may be date cells
 * or text in two layouts, yes/no is 是/否, and an empty cell is null. Codes and labels are trimmed;
 * free text is kept as typed.
 */
import { z } from 'zod';
import { cellDateToIsoDate, cellDateToTime, parseSheetDate, parseSheetTime } from './sheetTime.ts';

/**
 * Cells come from our own readers, so they already are string | number | boolean | Date | null; the
 * fields check what they need inside one transform each (a union per cell made readings 3× slower).
 */
const cell = z.unknown();

/** Text as typed; number cells become their shortest decimal text. Empty → null. */
export const optionalText = cell.transform((v, ctx) => {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  ctx.addIssue({ code: 'custom', message: 'expected text', input: v });
  return z.NEVER;
});

export const requiredText = optionalText.pipe(z.string({ error: 'required' }));

/** Free text where empty means '' rather than absent. */
export const textOrEmpty = optionalText.transform((v) => v ?? '');

/** A code or id: trimmed, no inner spaces. */
export const code = requiredText.transform((v) => v.trim()).pipe(z.string().min(1, 'required').regex(/^\S+$/, 'must not contain spaces'));
export const optionalCode = optionalText.transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
  .pipe(z.string().regex(/^\S+$/, 'must not contain spaces').nullable());

/** A local id usable inside a global id. */
export const recordId = code.pipe(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 of A–Z a–z 0–9 . _ -'));

const numeric = cell.transform((v, ctx) => {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v) ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  ctx.addIssue({ code: 'custom', message: `not a number: ${String(v)}`, input: v });
  return z.NEVER;
});

export const optionalNumber = numeric;
export const requiredNumber = numeric.pipe(z.number({ error: 'required' }));
export const count = requiredNumber.pipe(z.number().int('must be a whole number').nonnegative('must not be negative'));
export const longitude = requiredNumber.pipe(z.number().min(-180).max(180));
export const latitude = requiredNumber.pipe(z.number().min(-90).max(90));
export const optionalLongitude = optionalNumber.pipe(z.number().min(-180).max(180).nullable());
export const optionalLatitude = optionalNumber.pipe(z.number().min(-90).max(90).nullable());

export const optionalDate = cell.transform((v, ctx) => {
  if (v === null || v === '') return null;
  if (v instanceof Date) return cellDateToIsoDate(v);
  const date = typeof v === 'string' ? parseSheetDate(v.trim()) : null;
  if (date !== null) return date;
  ctx.addIssue({ code: 'custom', message: `not a date (yyyy-MM-dd): ${String(v)}`, input: v });
  return z.NEVER;
});

export const optionalTime = cell.transform((v, ctx) => {
  if (v === null || v === '') return null;
  if (v instanceof Date) return cellDateToTime(v);
  const time = typeof v === 'string' ? parseSheetTime(v.trim()) : null;
  if (time !== null) return time;
  ctx.addIssue({ code: 'custom', message: `not a time (yyyy-MM-dd HH:mm:ss): ${String(v)}`, input: v });
  return z.NEVER;
});

export const requiredTime = optionalTime.pipe(z.number({ error: 'required' }));

export const yesNo = cell.transform((v, ctx) => {
  const text = typeof v === 'string' ? v.trim() : v;
  if (text === '是' || text === true) return true;
  if (text === '否' || text === false) return false;
  ctx.addIssue({ code: 'custom', message: `expected 是 or 否, got ${String(v)}`, input: v });
  return z.NEVER;
});

/** Items of a cell joined by `separator` (e.g. '、'); empty → []. Items are trimmed. */
export function listOf(separator: string) {
  return optionalText.transform((v) => (v === null ? [] : v.split(separator).map((s) => s.trim()).filter((s) => s !== '')));
}

/** Lines of a multi-line cell (Alt+Enter in Excel); empty → []. */
export const lines = optionalText.transform((v) => (v === null ? [] : v.split(/\r?\n/).filter((s) => s.trim() !== '')));
