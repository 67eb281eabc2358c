/**
 * Which code was measured: the commit, and the files changed since in the folders that run (other
 * engineers edit them concurrently, so a figure without this cannot be reproduced).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));

export interface CodeVersion {
  readonly commit: string;
  /** `git status --porcelain` lines under gateway/, subgraphs/ and schema/. */
  readonly uncommitted: readonly string[];
}

export function codeVersion(): CodeVersion {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' });
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD').trim(),
      uncommitted: git('status', '--porcelain', '--', 'gateway', 'subgraphs', 'schema').split('\n').filter(Boolean),
    };
  } catch {
    return { commit: 'unknown (no git)', uncommitted: [] };
  }
}
