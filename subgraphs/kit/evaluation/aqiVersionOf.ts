/**
 * The graph's AqiVersion enum (V2012, V2026: enum values cannot start with a digit) to the library's
 * edition strings. Converted in resolvers rather than as enum internal values, because argument
 * defaults (`version: AqiVersion = V2012`) are fixed before a schema's internal values are set.
 */
import type { AqiVersion } from '../../standards/index.ts';

export type AqiVersionEnum = `V${AqiVersion}`;

export function aqiVersionOf(value: AqiVersionEnum | null | undefined): AqiVersion {
  return value === 'V2026' ? '2026' : '2012';
}
