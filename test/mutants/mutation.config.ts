import { defineConfig } from 'vitest/config';

// `npm run mutants`: the full default run of every mutant (minutes), apart from `npm test`.
export default defineConfig({ test: { include: ['test/mutants/mutationReport.run.ts'], testTimeout: 600_000, fileParallelism: false } });
