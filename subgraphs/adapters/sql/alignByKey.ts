/**
 * Batch results in input order (DataLoader's contract): one item or null per key, or all items per
 * key in the order they came. Maps, not objects, so keys like '__proto__' are plain keys.
 */
export function alignOne<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): Array<T | null> {
  const byKey = new Map<K, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return keys.map((key) => byKey.get(key) ?? null);
}

export function alignMany<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [item]);
    else group.push(item);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
