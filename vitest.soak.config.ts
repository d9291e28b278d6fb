import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// Long load and fault runs: `npm run test:soak`, kept out of `npm test`.
export default mergeConfig(base, defineConfig({ test: { include: ['test/soak/**/*.test.ts'], testTimeout: 1_800_000, hookTimeout: 600_000 } }));
