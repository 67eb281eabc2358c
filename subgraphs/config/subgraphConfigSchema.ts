/**
 * The files that configure a subgraph process (subgraphs/cities/<code>/bureau.json and
 * subgraphs/region/region.json), validated once at startup. Unknown keys are refused so that a typo
 * cannot silently fall back to a default.
 */
import { z } from 'zod';

const port = z.number().int().min(1).max(65_535);

/** Where a subgraph's data lives. `file` defaults to <dataDir>/<code>.sqlite (or region.sqlite). */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite'), file: z.string().min(1).optional() }),
]);

export const bureauFileSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'),
  bureau: z.string().min(1),
  port,
  source: sourceSchema,
});

export const regionFileSchema = z.strictObject({
  port,
  source: sourceSchema,
});

export type SourceConfig = z.infer<typeof sourceSchema>;
export type BureauFile = z.infer<typeof bureauFileSchema>;
export type RegionFile = z.infer<typeof regionFileSchema>;
