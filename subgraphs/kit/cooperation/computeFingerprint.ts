import { createHash } from 'node:crypto';

/**
 * What makes two writes "the same request" for an idempotency key: the operation, the bureau and
 * the input, as canonical JSON (object keys sorted, so the order a client wrote them in does not
 * matter). SHA-256, hex.
 */
export function computeFingerprint(operation: string, cityCode: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, cityCode, canonical(input)])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
