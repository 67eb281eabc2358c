/** Items per key in input-key order (DataLoader's contract for one-to-many lookups); Map keys, so no
 * prototype keys from upstream data. */
export function groupByKey<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K | null): T[][] {
  const byKey = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [item]);
    else group.push(item);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
