/**
 * Which AWS the app deploys to, read once from the environment: the global profile (any commercial
 * region, partition `aws`) or the mainland-China profile (`cn-north-1` Beijing, `cn-northwest-1`
 * Ningxia: partition `aws-cn`, a separate account, endpoints under `amazonaws.com.cn`).
 *
 * Pure: no SST globals, so sst.config.ts's `app()` can refuse a China deploy with a missing setting
 * before SST creates anything, and tests can read profiles without evaluating the infra.
 */

export const DEFAULT_REGION = 'ap-northeast-1';
export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

export interface Partition {
  name: 'aws' | 'aws-cn';
  /** Service endpoints are `<service>.<region>.<dnsSuffix>`. */
  dnsSuffix: 'amazonaws.com' | 'amazonaws.com.cn';
}

export const partitionOf = (region: string): Partition =>
  region.startsWith('cn-') ? { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' } : { name: 'aws', dnsSuffix: 'amazonaws.com' };

/** What only the China profile needs: the ICP-filed front door and the domestic senders. */
export interface ChinaSettings {
  /** The ICP-filed (备案) domain people open; CloudFront in China serves only on such an alternate domain. */
  domain: string;
  /** The server certificate for `domain` uploaded to IAM (CloudFront in China has no ACM). */
  iamCertificateId: string;
  /** Tencent Cloud SMS: the application (SdkAppId), the approved signature (签名) and templates (模板 ID). */
  smsSdkAppId: string;
  smsSignName: string;
  smsTemplateSignin: string;
  smsTemplateInvitation?: string;
  smsRegion: string;
  /** E-mail codes over SMTP (SES does not exist in the China regions). */
  smtpHost: string;
  smtpPort: number;
  smtpUser?: string;
  mailFrom: string;
}

export interface Profile {
  kind: 'global' | 'china';
  region: string;
  partition: Partition;
  /** Where alarms are mailed (an SNS e-mail subscription the operator confirms once). */
  alarmEmail?: string;
  china?: ChinaSettings;
}

type Env = Record<string, string | undefined>;

/**
 * The China profile's required settings in the order the operator meets them (README "Deploying").
 * The first one missing is the one the deploy names.
 */
export const CHINA_REQUIRED: readonly { env: string; key: keyof ChinaSettings; what: string }[] = [
  { env: 'GONGFU_ICP_DOMAIN', key: 'domain', what: 'the ICP-filed domain people open, e.g. gongfu.qingdao.gov.cn' },
  { env: 'GONGFU_IAM_CERTIFICATE_ID', key: 'iamCertificateId', what: "the IAM server certificate ID of that domain's certificate (aws iam upload-server-certificate --path /cloudfront/ …)" },
  { env: 'GONGFU_SMS_SDK_APP_ID', key: 'smsSdkAppId', what: 'the Tencent Cloud SMS SdkAppId' },
  { env: 'GONGFU_SMS_SIGN_NAME', key: 'smsSignName', what: 'the approved SMS signature (短信签名)' },
  { env: 'GONGFU_SMS_TEMPLATE_SIGNIN', key: 'smsTemplateSignin', what: 'the approved sign-in code template ID (模板 ID)' },
  { env: 'GONGFU_SMTP_HOST', key: 'smtpHost', what: 'the SMTP server that sends e-mail codes' },
  { env: 'GONGFU_MAIL_FROM', key: 'mailFrom', what: 'the sender address of e-mail codes' },
];

/** A China deploy missing a setting: one line, naming it. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

export function readProfile(env: Env = process.env): Profile {
  const region = env.GONGFU_AWS_REGION || DEFAULT_REGION;
  const partition = partitionOf(region);
  const alarmEmail = env.GONGFU_ALARM_EMAIL || undefined;
  if (partition.name === 'aws') return { kind: 'global', region, partition, alarmEmail };
  if (!(CHINA_REGIONS as readonly string[]).includes(region))
    throw new ProfileError(`GONGFU_AWS_REGION=${region} is not a China region this app supports (${CHINA_REGIONS.join(', ')})`);
  const missing = CHINA_REQUIRED.find((s) => !env[s.env]);
  if (missing) throw new ProfileError(`China profile (GONGFU_AWS_REGION=${region}) needs ${missing.env}: ${missing.what}`);
  const get = (name: string) => env[name]!;
  return {
    kind: 'china',
    region,
    partition,
    alarmEmail,
    china: {
      domain: get('GONGFU_ICP_DOMAIN'),
      iamCertificateId: get('GONGFU_IAM_CERTIFICATE_ID'),
      smsSdkAppId: get('GONGFU_SMS_SDK_APP_ID'),
      smsSignName: get('GONGFU_SMS_SIGN_NAME'),
      smsTemplateSignin: get('GONGFU_SMS_TEMPLATE_SIGNIN'),
      smsTemplateInvitation: env.GONGFU_SMS_TEMPLATE_INVITATION || undefined,
      // Mainland SMS is served from these Tencent Cloud regions; Beijing is nearest to cn-north-1.
      smsRegion: env.GONGFU_SMS_REGION || 'ap-beijing',
      smtpHost: get('GONGFU_SMTP_HOST'),
      smtpPort: Number(env.GONGFU_SMTP_PORT || 465),
      smtpUser: env.GONGFU_SMTP_USER || undefined,
      mailFrom: get('GONGFU_MAIL_FROM'),
    },
  };
}

/** An ARN in the profile's partition; infra writes no ARN of a fixed partition by hand. */
export const arnOf = (p: Profile, service: string, resource: string, o: { region?: string; account?: string } = {}) =>
  `arn:${p.partition.name}:${service}:${o.region ?? p.region}:${o.account ?? '*'}:${resource}`;

/** CloudWatch Logs retention for every log group: 网络安全法 第二十一条 asks for at least six months. */
export const LOG_RETENTION = '6 months' as const;
export const LOG_RETENTION_DAYS = 180;
