import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds; Node (and so production) loads the CJS one for every
    // importer, but Vite would hand our code the ESM one while CJS packages (@apollo/subgraph) get
    // the other, and graphql refuses schemas "from another module or realm". Use Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Subgraph and federation tests start real HTTP servers on free loopback ports.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
