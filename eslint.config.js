// The lint that keeps the layout of README.md "Layout" true: which folder may import which, what
// stays pure, what never ships. Every arrow points one way; a new folder must be placed in a layer
// below before it can be imported (an unlisted folder is a lint error, see `unplaced` below).
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The gateway's folders, lowest first: a folder may import only folders listed before it (and
 * schema/). A total order is stricter than needed, but it makes a cycle between folders impossible.
 */
const GATEWAY_LAYERS = [
  'shard-engine', // PURE: plans per-bureau fetches and merges answers
  'request', // the per-request values every layer reads (context, caller, outcome)
  'transport',
  'bureau-tokens',
  'limits',
  'persisted',
  'ratelimit',
  'telemetry',
  'config',
  'callers',
  'access',
  'registry',
  'events', // follows every bureau's event stream and fans it in (subscriptions read it)
  'cooperation', // the relay carrying bureaus' outbox messages to other bureaus' inboxes
  'datasources',
  'plugins',
  'known-operations', // the gateway's own request path for queries Apollo Server answered before
  'composition',
  'ide',
  'board', // the situation board (态势一张图), built and served like the IDE
  'live', // GraphQL subscriptions over graphql-sse and graphql-ws, resolved through the graph
  'server', // the composition root
];

/** The subgraphs' folders, lowest first (adapters/<kind> below the adapters' own root files). */
const SUBGRAPH_LAYERS = [
  'standards', // PURE
  'hj212-codec', // PURE
  'config',
  'kit',
  'adapters/sql',
  'adapters/sqlite',
  'adapters/postgres',
  'adapters/mysql',
  'adapters/spreadsheet',
  'adapters/legacy-http',
  'adapters/hj212-ingest',
  'adapters',
  'region',
  'cities',
];

/** Modules that do I/O or keep process state: never imported by a pure folder. */
const PURE_FOLDERS = ['gateway/shard-engine', 'subgraphs/standards', 'subgraphs/hj212-codec', 'devtools/demo-world'];

/** One zone per (layer, a layer above it): the layer may not import from above. */
const layerZones = (root, layers) =>
  layers.flatMap((layer, index) =>
    layers.slice(index + 1).map((above) => ({
      target: `./${root}/${layer}`,
      from: `./${root}/${above}`,
      // A parent layer (adapters/) is its own files only: its sub-folders are layers of their own.
      except: layers.filter((other) => other.startsWith(`${above}/`)).map((child) => `./${child.slice(above.length + 1)}`),
      message: `${root}/${layer} sits below ${root}/${above} (eslint.config.js lists the layers, lowest first).`,
    })),
  );

/** Folders that hold no code (deployment files). */
const NOT_CODE = new Set(['deploy']);

// Every folder of a deployable must be placed in a layer, so the order above stays complete.
for (const [root, layers] of [['gateway', GATEWAY_LAYERS], ['subgraphs', SUBGRAPH_LAYERS]]) {
  const unplaced = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_CODE.has(entry.name) && !layers.includes(entry.name))
    .map((entry) => `${root}/${entry.name}`);
  if (unplaced.length) throw new Error(`eslint.config.js: place ${unplaced.join(', ')} in a layer`);
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'gateway/ide/dist/', 'gateway/ide/dist.*/', 'gateway/board/dist/', 'gateway/board/dist.*/', 'bench/results/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      // Type-aware rules, for the mistakes the compiler lets through: an un-awaited bureau call, a
      // switch that forgets a new outcome kind.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The neutral place imports neither side.
            { target: './schema', from: ['./gateway', './subgraphs', './devtools', './bench', './test'], message: 'schema/ is the neutral place both sides share: it imports neither.' },
            // The two deployables meet only in schema/.
            { target: './gateway', from: './subgraphs', message: 'The gateway never imports the subgraphs (their kit included): what both need lives in schema/.' },
            { target: './subgraphs', from: './gateway', message: 'The subgraphs never import the gateway: what both need lives in schema/.' },
            // What ships imports no development tool, benchmark or test.
            ...['gateway', 'subgraphs', 'schema'].map((root) => ({
              target: `./${root}`,
              from: ['./devtools', './bench', './test'],
              message: 'Production code imports no development tool (devtools/), benchmark or test.',
            })),
            // Process entries are run, never imported.
            { target: '.', from: '**/*.main.ts', message: 'A *.main.ts file is a process entry: move what you need out of it.' },
            ...layerZones('gateway', GATEWAY_LAYERS),
            ...layerZones('subgraphs', SUBGRAPH_LAYERS),
            // Pure folders: their own files, schema's pure modules, and (the generator) the kit's model types.
            { target: './gateway/shard-engine', from: ['./gateway', './schema/http', './schema/config', './schema/gateway-token'], except: ['./shard-engine'], message: 'The shard engine is pure.' },
            { target: './subgraphs/standards', from: ['./subgraphs', './schema'], except: ['./standards'], message: 'The standards calculators are pure.' },
            { target: './subgraphs/hj212-codec', from: ['./subgraphs', './schema'], except: ['./hj212-codec'], message: 'The HJ 212 codec is pure.' },
          ],
        },
      ],
    },
  },
  {
    // Pure folders: values in, values out: no Node built-in, no driver, no network or file library.
    files: PURE_FOLDERS.map((folder) => `${folder}/**/*.ts`),
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!graphql$)[^.]', message: 'A pure folder imports only graphql and relative modules.' }] }],
    },
  },
);
