import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface FolderWatch {
  close(): void;
}

/**
 * Calls `onChange` once things have been quiet for `debounceMs` after a change in `dir` or in one of
 * its `subfolders` (copying a file onto a share fires many events; one reload follows). A subfolder
 * that appears later is watched from then on. Watch errors (the share went away) go to `onError`;
 * the next change after it returns is picked up by the folder watch.
 */
export function watchFolder(
  dir: string,
  subfolders: readonly string[],
  debounceMs: number,
  onChange: () => void,
  onError: (error: unknown) => void,
): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    for (const sub of subfolders) if (!watchers.has(sub)) tryWatch(sub, join(dir, sub));
  };
  const tryWatch = (key: string, path: string) => {
    try {
      const watcher = watch(path, { persistent: false }, changed);
      watcher.on('error', (error) => {
        watchers.delete(key);
        watcher.close();
        onError(error);
      });
      watchers.set(key, watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
    }
  };

  tryWatch('.', dir);
  for (const sub of subfolders) tryWatch(sub, join(dir, sub));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
