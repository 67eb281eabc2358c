import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './loadSubgraphConfig.ts';

/** The bureaus this checkout serves: one folder with a bureau.json under subgraphs/cities each. */
export function listBureauCodes(): string[] {
  return readdirSync(resolve(REPO_ROOT, 'subgraphs/cities'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{6}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}
