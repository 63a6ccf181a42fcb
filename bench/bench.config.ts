import { defineConfig } from 'vitest/config';

// `npm run bench`: timings with tinybench, written to reports/bench.{json,md}; never part of `npm test`.
export default defineConfig({ test: { include: ['bench/bench.run.ts'], testTimeout: 7_200_000, hookTimeout: 600_000, fileParallelism: false } });
