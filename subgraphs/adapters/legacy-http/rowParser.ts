import type { z } from 'zod';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import type { CityCode } from '../../kit/model.ts';

/** Validates and maps a page's rows; any bad row makes the answer a protocol error (nothing is guessed). */
export type RowParser<R> = (rows: readonly unknown[], operation: string) => R[];

export function rowParser<S extends z.ZodType, R>(
  schema: S,
  toRecord: (row: z.output<S>, cityCode: CityCode) => R,
  cityCode: CityCode,
): RowParser<R> {
  return (rows, operation) => rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return toRecord(parsed.data, cityCode);
    const issue = parsed.error.issues[0];
    // Zod quotes values with "…"; single quotes keep the message plain text for logs and clients.
    const where = issue === undefined ? '' : ` (row ${index + 1}, ${issue.path.join('.') || 'row'}: ${issue.message.replaceAll('"', "'")})`;
    throw new CitySourceError('CITY_SOURCE_PROTOCOL', `The legacy system sent an unexpected row during ${operation}${where}.`,
      cityCode, { cause: parsed.error });
  });
}
