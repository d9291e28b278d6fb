import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Long load and fault runs: `npm run test:soak`, kept out of `npm test`. The include list replaces
// the base one (mergeConfig would concatenate and run every suite again).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/soak/**/*.test.ts'], testTimeout: 1_800_000, hookTimeout: 600_000 },
});
