import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * Every knob the service reads from its environment, validated once at start-up so a typo fails
 * loudly instead of surfacing as a strange runtime error later.
 */
export const SettingsSchema = z.object({
  STAGE: z.string().min(1).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(16).default('local-dev-secret-change-me-please'),
  AWS_REGION: z.string().default('us-east-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  /** An S3-compatible endpoint (local: s3rver started by `npm start` unless this is set). */
  S3_ENDPOINT: z.url().optional(),
  /** Ports for the servers `npm start` spawns; unset, each takes a free loopback port. */
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SQS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  S3_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Local only; on AWS the evidence bucket's name comes from its SST link. */
  BUCKET_NAME: z.string().min(3).max(63).default('gongfu-evidence'),
  /** Largest evidence file accepted (bytes); 20 MB. */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  TABLE_NAME: z.string().min(3).default('gongfu'),
  QUEUE_PREFIX: z.string().min(1).default('gongfu'),
  /** Local pollers only: shorter visibility makes retries observable in seconds, not minutes. */
  QUEUE_VISIBILITY_TIMEOUT_SEC: z.coerce.number().int().min(0).max(43200).optional(),
  QUEUE_MAX_RECEIVE_COUNT: z.coerce.number().int().min(1).max(1000).optional(),
  EMBEDDER: z.enum(['local', 'openai']).default('local'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().optional(),
  MATCH_TOP_K: z.coerce.number().int().min(1).max(20).default(5),
  // Calibrated on the dev set: platforms sharing only a domain score 0.2–0.3, relevant ones mostly > 0.37.
  MATCH_MIN_SCORE: z.coerce.number().default(0.35),
  MATCH_WEIGHTS: z.string().optional().describe('JSON object overriding ranking weights'),
  RECONCILE_AFTER_SEC: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Public objections (公示异议) one requester address may file per hour, counted across instances. */
  OBJECTIONS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  // Sign-in codes requested from one address an hour, whatever the contacts: an office or a roadshow
  // hall shares one address, a script cycling through phone numbers to run up SMS bills does too.
  SIGNIN_CODES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  LOG_REQUESTS: bool.default(true),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /**
   * Sign-in: where one-time codes and invitations go. `dev` = the local mailbox; `aws` = SES (e-mail)
   * and SNS (SMS); `china` = SMTP (e-mail) and Tencent Cloud SMS (the China profile, README "Deploying").
   */
  CODE_DELIVERY: z.enum(['dev', 'aws', 'china']).default('dev'),
  /** `china` delivery: Tencent Cloud SMS (SendSms 2021-01-11). The endpoint is settable for the local fake. */
  SMS_ENDPOINT: z.url().default('https://sms.tencentcloudapi.com'),
  SMS_REGION: z.string().min(1).default('ap-beijing'),
  SMS_SDK_APP_ID: z.string().optional(),
  /** The approved signature (短信签名) and template IDs (模板 ID): sign-in `{1}` = code, `{2}` = minutes valid; invitation without variables. */
  SMS_SIGN_NAME: z.string().optional(),
  SMS_TEMPLATE_SIGNIN: z.string().optional(),
  SMS_TEMPLATE_INVITATION: z.string().optional(),
  /** On AWS from the linked secrets SmsSecretId / SmsSecretKey. */
  SMS_SECRET_ID: z.string().optional(),
  SMS_SECRET_KEY: z.string().optional(),
  /** `china` delivery: e-mail over SMTP (465 = TLS, otherwise STARTTLS when offered). */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(465),
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().optional(),
  /** On AWS from the linked secret SmtpPassword. */
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  /** How long a code may take to hand to the SMS provider or the mail server before the page says it was not sent. */
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Verified SES identity codes are sent from, e.g. `noreply@gongfu.qingdao.gov.cn`. */
  SES_FROM: z.string().optional(),
  /** E-mail or mobile number that becomes the first bureau admin when it signs in (never from sign-up). */
  BUREAU_ADMIN: z.string().optional(),
  /** Where the API fetches the issuer's JWKS (`<url>/auth/.well-known/jwks.json`); the local stack reads it in-process. */
  AUTH_ISSUER_URL: z.url().optional(),
  /** Lifetime of a signed-in person's access token; refresh tokens renew it. */
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Set by sst.aws.Auth on AWS: OpenAuth's own table (`{"type":"dynamo","options":{"table":…}}`); locally the service's table. */
  OPENAUTH_STORAGE: z.string().optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** Bad settings: the message names each offending variable, so a stack trace adds nothing. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  // An empty variable means "not set", as shells and CI systems commonly pass them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = SettingsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid settings / 配置无效:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
