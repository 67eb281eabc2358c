import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SpreadsheetLoadError } from './SheetProblem.ts';

/**
 * Parsed files by name, kept while the file's modification time, size and inode stay the same: a
 * reload after one file changed parses that file alone (the readings are most of the work).
 */
export class ParseCache {
  private readonly entries = new Map<string, { readonly stamp: string; readonly value: unknown }>();

  async get<T>(dir: string, file: string, parse: () => Promise<T>): Promise<T> {
    const stamp = await stampOf(dir, file);
    const entry = this.entries.get(file);
    if (entry !== undefined && entry.stamp === stamp) return entry.value as T;
    const value = await parse();
    this.entries.set(file, { stamp, value });
    return value;
  }

  /** Drops entries of files no longer in the folder. */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file);
  }
}

async function stampOf(dir: string, file: string): Promise<string> {
  try {
    const s = await stat(join(dir, file));
    return `${s.mtimeMs}/${s.size}/${s.ino}`;
  } catch (error) {
    throw new SpreadsheetLoadError(file, null, 'is missing', { cause: error });
  }
}
