/**
 * The APQ store of safelist mode: it answers a hash with the safelist's body, so a front end can
 * send only hashes from the first request on, and it registers nothing (only the manifest's
 * documents ever run). Apollo asks for `apq:<sha256>`.
 */
import type { Safelist } from './Safelist.ts';
import type { StringCache } from './StringCache.ts';

export class SafelistCache implements StringCache {
  constructor(private readonly safelist: Safelist) {}

  async get(key: string): Promise<string | undefined> {
    return this.safelist.get(key.slice(key.lastIndexOf(':') + 1))?.body;
  }

  async set(): Promise<void> {}

  async delete(): Promise<boolean> {
    return false;
  }
}
