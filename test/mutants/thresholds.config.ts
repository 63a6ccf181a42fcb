import { defineConfig } from 'vitest/config';

// `npm run thresholds`: the detection-threshold ladder of every property (minutes), apart from `npm test`.
export default defineConfig({ test: { include: ['test/mutants/thresholds.run.ts'], testTimeout: 7_200_000, fileParallelism: false } });
