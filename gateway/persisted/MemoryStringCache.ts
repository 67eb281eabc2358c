/**
 * A bounded in-memory StringCache: at most `maxEntries` (the least recently used goes first), each
 * forgotten after its `ttl`. The APQ store of a gateway whose Redis is unreachable.
 */
import { LruCache } from '../shard-engine/index.ts';
import type { StringCache } from './StringCache.ts';

export class MemoryStringCache implements StringCache {
  readonly #entries: LruCache<string, { readonly value: string; readonly expiresAt: number }>;

  constructor(maxEntries: number, private readonly now: () => number = Date.now) {
    this.#entries = new LruCache(maxEntries);
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    this.#entries.set(key, { value, expiresAt: ttl ? this.now() + ttl * 1000 : Infinity });
  }

  async delete(key: string): Promise<boolean> {
    return this.#entries.delete(key);
  }
}
