import { defineConfig } from 'vitest/config';

// `npm run calibrate`: long runs of the real adapters (hours in all), apart from `npm test`.
export default defineConfig({
  test: { include: ['test/calibration/calibration.run.ts'], testTimeout: 86_400_000, hookTimeout: 600_000, fileParallelism: false },
});
