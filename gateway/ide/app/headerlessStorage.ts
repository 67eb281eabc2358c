/**
 * The IDE's storage for GraphiQL: the browser's localStorage, except that no request headers are
 * ever written to it. `shouldPersistHeaders={false}` keeps them out of the saved tabs, but GraphiQL
 * 5.4's history plugin still saves each run's headers (`graphiql:queries`, `graphiql:favorites`),
 * a pasted bearer token included. Here every saved value loses its `headers` before it is written,
 * so a token lives in the tab's headers editor only. Pure (no DOM): the backing store is passed in.
 */

/** The part of the Web Storage API GraphiQL uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

/** `value` with `headers` emptied in the tabs or history items it holds; anything else as it is. */
export function withoutHeaders(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof parsed !== 'object' || parsed === null) return value;
  const record = parsed as { queries?: unknown; favorites?: unknown; tabs?: unknown };
  let changed = false;
  for (const list of ['queries', 'favorites', 'tabs'] as const) {
    const items = record[list];
    if (!Array.isArray(items)) continue;
    record[list] = items.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || !('headers' in item) || (item as { headers: unknown }).headers == null) return item;
      changed = true;
      return { ...item, headers: null };
    });
  }
  return changed ? JSON.stringify(record) : value;
}

export function headerlessStorage(backing: KeyValueStorage): KeyValueStorage {
  return {
    getItem: (key) => backing.getItem(key),
    setItem: (key, value) => backing.setItem(key, withoutHeaders(value)),
    removeItem: (key) => backing.removeItem(key),
    clear: () => backing.clear(),
    get length() {
      return backing.length;
    },
  };
}
