import { isRecord } from './isRecord.ts';

/**
 * A property of an untrusted payload, read only if it is the object's own: a bureau's JSON must not
 * reach `Object.prototype` through `__proto__` or inherited names (cf. gateway-js `own.ts`).
 */
export function getOwn(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
