import { rename, writeFile } from 'node:fs/promises';

/** Writes next to the target and renames over it, so a watcher never reads half a file. */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
