import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,integration,e2e}/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    env: { LOG_LEVEL: 'SILENT' },
    // OpenAuth's issuer logs every request it serves (hono/logger); tests keep their own output.
    onConsoleLog: (log) => !/^\s*(<--|-->) /.test(log),
    hookTimeout: 60_000,
    // The local DynamoDB is one JVM shared by all files; two workers keep the 2-core machine responsive.
    // (Vitest 4 folded `poolOptions.forks.maxForks` into `maxWorkers` and dropped `minForks`.)
    pool: 'forks',
    maxWorkers: 2,
  },
});
