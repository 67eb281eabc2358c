import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('../../../subgraphs/standards/', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));

describe('subgraphs/standards stays pure', () => {
  it.each(files)('%s imports only sibling files of the folder', (file) => {
    const source = readFileSync(`${folder}${file}`, 'utf8');
    const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !/^\.\/[\w]+\.ts$/.test(s ?? ''))).toEqual([]);
  });

  it('lists every exporting file in index.ts', () => {
    const index = readFileSync(`${folder}index.ts`, 'utf8');
    const exporting = files.filter((f) => f !== 'index.ts' && /^export /m.test(readFileSync(`${folder}${f}`, 'utf8')));
    const missing = exporting.filter((f) => !index.includes(`'./${f}'`));
    // Internal helpers used only inside the folder are allowed to stay out of the index.
    expect(missing.sort()).toEqual(['AlarmContext.ts', 'assertConcentration.ts', 'ceilInterpolated.ts', 'codeSeries.ts', 'detectFlagAlarms.ts', 'detectFlatline.ts',
      'detectMissingData.ts', 'detectOverLimit.ts', 'detectSpikes.ts', 'formatCst.ts'].sort());
  });
});
