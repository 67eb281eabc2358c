/**
 * The stores the subgraphs read. By default a fresh folder inside the bench's work folder, seeded
 * at scale 1 (about 5–10 s) and removed with it, so the bench never rewrites the developer's data/
 * and always measures the same data size; `--data-dir` reuses a folder (the seeder then only
 * regenerates stores that are not current).
 */
import { join, resolve } from 'node:path';
import type { ChildProcesses } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';

const SEED_TIMEOUT_MS = 180_000;

/** Returns the seeded folder. */
export async function prepareDataDir(children: ChildProcesses, reuse: string | null, workDir: string): Promise<string> {
  const path = reuse === null ? join(workDir, 'data') : resolve(reuse);
  // Scale and seed pinned: the figures in BENCHMARKS.md are for this data size.
  await children.run({
    name: 'seed',
    entry: ENTRIES.seed,
    env: { ECOGRAPH_DATA_DIR: path, ECOGRAPH_SCALE: '1', ECOGRAPH_SEED: 'chengyu-ecograph' },
    timeoutMs: SEED_TIMEOUT_MS,
  });
  return path;
}
