/**
 * Settings every Lambda in the app shares. Pure data; imported only from inside `run()`, where
 * `$app` exists.
 */

export const FUNCTION_DEFAULTS = {
  runtime: 'nodejs20.x',
  memory: '1024 MB',
  nodejs: {
    // Native addon (platform-specific binary + dictionaries loaded from disk): installed into the
    // bundle's node_modules for the Lambda platform instead of being inlined by esbuild.
    // exceljs is large and only the agenda export needs it: installed beside the bundle and loaded
    // on demand, so it costs nothing at cold start.
    // openai likewise: only stages with EMBEDDER=openai load it, on first embed.
    // The S3 client and presigner likewise: only evidence routes load them (packages/files/bucket.ts).
    install: ['@node-rs/jieba', 'exceljs', 'openai', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
    // esbuild plugins (a file SST imports): zod's message locales reduced to English, ~250 KiB less per bundle.
    plugins: 'infra/bundle-plugins.mjs',
  },
} as const;

/** Environment for every function; names and secrets arrive through `link`, not here. */
export function functionEnvironment(): Record<string, string> {
  return {
    STAGE: $app.stage,
    // `EMBEDDER=openai sst deploy` switches to OpenAI embeddings (then set the OpenAIApiKey secret).
    EMBEDDER: process.env.EMBEDDER === 'openai' ? 'openai' : 'local',
    LOG_REQUESTS: 'true',
  };
}

/**
 * A consumer's timeout: half the queue's visibility timeout, so a message is never redelivered
 * while the invocation that holds it may still be running (SQS requires visibility ≥ timeout).
 */
export const consumerTimeoutSec = (visibilityTimeoutSec: number) => Math.max(1, Math.floor(visibilityTimeoutSec / 2));

export const seconds = (n: number) => `${n} seconds` as const;
