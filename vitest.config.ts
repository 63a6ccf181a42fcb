import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // `npm run bench`: time per adapter call at fixed sizes (speed is never asserted in tests).
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
