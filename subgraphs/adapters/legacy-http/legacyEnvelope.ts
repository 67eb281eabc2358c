import { z } from 'zod';

/** Every answer: `{ code: 0, msg: 'success', data }`; any other code is an error with `msg`. */
export const envelopeSchema = z.object({ code: z.number().int(), msg: z.string().nullish(), data: z.unknown() });

/** `data` of list and batch endpoints. Rows stay unknown until each one is validated by its schema. */
export const pageSchema = z.object({ total: z.number().int().nonnegative(), rows: z.array(z.unknown()) });

export type LegacyPage = z.output<typeof pageSchema>;
