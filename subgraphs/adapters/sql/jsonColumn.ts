/**
 * JSON text columns and 0/1 flags: the encodings every dialect stores the same way. Stored JSON was
 * written by our own writers, so reading it back is a cast, not a validation.
 */

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromNullableJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** Postgres returns BIGINT as a string, SQLite as a number; booleans come back as 0/1 or '0'/'1'. */
export function toNumber(value: number | string | bigint): number {
  return Number(value);
}

export function toNullableNumber(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}
