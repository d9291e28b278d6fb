import { deliveryEnvironmentFor, deliveryPermissions } from './delivery';

/**
 * Settings every Lambda in the app shares. Pure data; imported only from inside `run()`, where
 * `$app` exists.
 */

export const FUNCTION_DEFAULTS = {
  // The Node major that runs `npm start` and `npm test` too (package.json optionalDependencies
  // node-linux-*); Lambda supports nodejs24.x until 2028.
  runtime: 'nodejs24.x',
  memory: '1024 MB',
  nodejs: {
    // Native addon (platform-specific binary + dictionaries loaded from disk): installed into the
    // bundle's node_modules for the Lambda platform instead of being inlined by esbuild.
    // exceljs is large and only the agenda export needs it: installed beside the bundle and loaded
    // on demand, so it costs nothing at cold start.
    // openai likewise: only stages with EMBEDDER=openai load it, on first embed.
    // The SES and SNS clients likewise: only the sign-in server and the API send, and only on first use;
    // the S3 client and presigner only for evidence routes (packages/files/bucket.ts); nodemailer
    // only where the China profile sends e-mail codes over SMTP.
    install: ['@node-rs/jieba', 'exceljs', 'openai', '@aws-sdk/client-sesv2', '@aws-sdk/client-sns', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', 'nodemailer'],
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
 * What functions that send codes or invitations add (the sign-in server and the API): the delivery
 * settings of the profile (infra/delivery.ts) and the first bureau admin, given at deploy time:
 * `GONGFU_SES_FROM=noreply@example.gov.cn GONGFU_BUREAU_ADMIN=chief@example.gov.cn npx sst deploy`.
 */
export const deliveryEnvironment = (): Record<string, string> => deliveryEnvironmentFor(functionEnvironment());

/** Global profile: SES and SNS; China profile: none (SMTP and Tencent Cloud SMS are outside AWS). */
export const DELIVERY_PERMISSIONS = deliveryPermissions;

/**
 * A consumer's timeout: half the queue's visibility timeout, so a message is never redelivered
 * while the invocation that holds it may still be running (SQS requires visibility ≥ timeout).
 */
export const consumerTimeoutSec = (visibilityTimeoutSec: number) => Math.max(1, Math.floor(visibilityTimeoutSec / 2));

export const seconds = (n: number) => `${n} seconds` as const;
