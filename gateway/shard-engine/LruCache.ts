/**
 * A bounded map that forgets the least recently used entry: a Map iterates in insertion order, so
 * re-inserting on each hit keeps the oldest entry first. A hit on the newest entry (the usual case
 * under a load of one query) skips the re-insertion.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  /** The last key inserted, i.e. the newest; a Map has no cheap way to ask. */
  #newest: K | undefined;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#newest) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
      this.#newest = key;
    }
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#newest = key;
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    if (key === this.#newest) this.#newest = undefined;
    return this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
