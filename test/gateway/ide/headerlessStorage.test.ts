/**
 * The IDE's storage never keeps request headers: GraphiQL's history (and the saved tabs) lose them
 * before they are written, so a pasted token is never in the browser's storage.
 */
import { describe, expect, it } from 'vitest';
import { headerlessStorage, withoutHeaders, type KeyValueStorage } from '../../../gateway/ide/app/headerlessStorage.ts';

function memoryStorage(): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}

const TOKEN = '{ "Authorization": "Bearer eyJ.secret.sig" }';

describe('headerlessStorage', () => {
  it('writes the history and favourites without their headers, the rest of each item as it was', () => {
    const backing = memoryStorage();
    const storage = headerlessStorage(backing);
    const item = { query: '{ cities { code } }', variables: '{}', headers: TOKEN, operationName: 'Cities' };
    storage.setItem('graphiql:queries', JSON.stringify({ queries: [item] }));
    storage.setItem('graphiql:favorites', JSON.stringify({ favorites: [{ ...item, favorite: true }] }));
    expect(JSON.parse(backing.items.get('graphiql:queries')!)).toEqual({ queries: [{ ...item, headers: null }] });
    expect(JSON.parse(backing.items.get('graphiql:favorites')!)).toEqual({ favorites: [{ ...item, headers: null, favorite: true }] });
    expect([...backing.items.values()].join('')).not.toContain('secret');
  });

  it('empties the headers of saved tabs too, and leaves other values and plain text untouched', () => {
    const tabs = JSON.stringify({ tabs: [{ id: '1', query: 'q', headers: TOKEN }], activeTabIndex: 0 });
    expect(JSON.parse(withoutHeaders(tabs))).toEqual({ tabs: [{ id: '1', query: 'q', headers: null }], activeTabIndex: 0 });
    for (const value of ['Documentation Explorer', '{ "a": 1 }', 'null', JSON.stringify({ queries: [{ query: 'q', headers: null }] })]) {
      expect(withoutHeaders(value)).toBe(value);
    }
  });

  it('reads, removes and counts through to the backing storage', () => {
    const backing = memoryStorage();
    const storage = headerlessStorage(backing);
    storage.setItem('graphiql:query', '{ a }');
    expect(storage.getItem('graphiql:query')).toBe('{ a }');
    expect(storage.length).toBe(1);
    storage.removeItem('graphiql:query');
    expect(storage.getItem('graphiql:query')).toBeNull();
  });
});
