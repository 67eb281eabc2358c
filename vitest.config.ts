import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Subgraph and federation tests start real HTTP servers on free loopback ports.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
