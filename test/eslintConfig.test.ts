/**
 * The layout's arrows (README.md "Layout") are kept by eslint.config.js: each case lints one import
 * placed in a real folder, so a rule that is switched off or a zone that stops matching fails here.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

// The boundary rules need no type information; the type-aware rules do (and a file that is not on
// disk has none), so they are off for these probes.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
});

async function problemsOf(filePath: string, importLine: string): Promise<string[]> {
  const binding = /import \{? ?(\w+)/.exec(importLine)?.[1] ?? 'x';
  // Every probe imports one binding and exports it, so nothing but the import can be wrong.
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = [${binding}];\n`, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('eslint.config.js keeps the layout', () => {
  it.each([
    ['the gateway importing the subgraph kit', 'gateway/registry/probe.ts', "import { x } from '../../subgraphs/kit/model.ts';", 'never imports the subgraphs'],
    ['a subgraph importing the gateway', 'subgraphs/kit/probe.ts', "import { x } from '../../gateway/registry/CityRegistry.ts';", 'never import the gateway'],
    ['the neutral schema importing a side', 'schema/probe.ts', "import { x } from '../subgraphs/kit/model.ts';", 'neutral place'],
    ['shipped code importing a development tool', 'subgraphs/adapters/sql/probe.ts', "import { x } from '../../../devtools/seeder/writeBureauData.ts';", 'no development tool'],
    ['a module importing a process entry', 'devtools/launcher/probe.ts', "import { x } from '../seeder/seed.main.ts';", 'process entry'],
    ['a gateway folder importing one above it', 'gateway/request/probe.ts', "import { x } from '../registry/CityRegistry.ts';", 'sits below gateway/registry'],
    ['an adapter kind importing the adapters\' root', 'subgraphs/adapters/sql/probe.ts', "import { x } from '../openSubgraphSource.ts';", 'sits below subgraphs/adapters'],
    ['the kit importing an adapter', 'subgraphs/kit/probe.ts', "import { x } from '../adapters/sql/SqlBureauSource.ts';", 'sits below subgraphs/adapters/sql'],
    ['the pure shard engine importing node:fs', 'gateway/shard-engine/probe.ts', "import { readFileSync } from 'node:fs';", 'no-nodejs-modules'],
    ['the pure standards importing a driver', 'subgraphs/standards/probe.ts', "import pg from 'pg';", 'pure folder imports only graphql'],
    ['the pure HJ 212 codec importing the kit', 'subgraphs/hj212-codec/probe.ts', "import { x } from '../kit/model.ts';", 'codec is pure'],
  ])('refuses %s', async (_name, file, code, expected) => {
    expect((await problemsOf(file, code)).join('\n')).toContain(expected);
  });

  it.each([
    ['a gateway folder importing one below it', 'gateway/registry/probe.ts', "import { x } from '../transport/createSubgraphClient.ts';"],
    ['either side importing the neutral schema', 'subgraphs/kit/probe.ts', "import { x } from '../../schema/errors.ts';"],
    ['a development tool importing shipped code', 'devtools/seeder/probe.ts', "import { x } from '../../subgraphs/adapters/sql/SqlBureauSource.ts';"],
    ['the pure shard engine importing graphql', 'gateway/shard-engine/probe.ts', "import { x } from 'graphql';"],
  ])('allows %s', async (_name, file, code) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });
});
