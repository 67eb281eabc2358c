/**
 * Field schemas for the legacy system's rows: its ids, its times, its '0'/'1' flags, its
 * comma-joined lists and decimal texts. Empty text and null both mean "no value" there.
 */
import { z } from 'zod';
import { isLegacyDate, parseLegacyTime } from './legacyTime.ts';

/** A primary key usable as the local part of a global id. */
export const legacyId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'not a usable id');

export const legacyTime = z.string().transform((text, ctx) => {
  const ms = parseLegacyTime(text);
  if (ms !== null) return ms;
  ctx.addIssue({ code: 'custom', message: `not a yyyy-MM-dd HH:mm:ss time: '${text}'`, input: text });
  return z.NEVER;
});

export const optionalLegacyTime = z.string().nullable().transform((text, ctx) => {
  if (text === null || text === '') return null;
  const ms = parseLegacyTime(text);
  if (ms !== null) return ms;
  ctx.addIssue({ code: 'custom', message: `not a yyyy-MM-dd HH:mm:ss time: '${text}'`, input: text });
  return z.NEVER;
});

export const optionalLegacyDate = z.string().nullable().transform((text, ctx) => {
  if (text === null || text === '') return null;
  if (isLegacyDate(text)) return text;
  ctx.addIssue({ code: 'custom', message: `not a yyyy-MM-dd date: '${text}'`, input: text });
  return z.NEVER;
});

export const optionalText = z.string().nullable().transform((text) => (text === null || text === '' ? null : text));

export const flag01 = z.enum(['0', '1']).transform((flag) => flag === '1');

/** 'a,b,c' → ['a', 'b', 'c']; '' → []. */
export const commaList = z.string().transform((text) => (text === '' ? [] : text.split(',')));

/** A DECIMAL column printed as text, e.g. '35909.5'. */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i, 'not a decimal').transform(Number);

export const finiteNumber = z.number().refine(Number.isFinite, 'not a finite number');
