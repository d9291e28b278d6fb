import { arnOf, readProfile } from './profile';

/**
 * How the functions that send codes and invitations (the sign-in server and the API) deliver them,
 * per profile. Global: SES e-mail and SNS SMS. China (neither exists there, see
 * infra/china-availability.ts): e-mail over SMTP and SMS through Tencent Cloud SMS, whose keys are
 * secrets linked to those two functions only.
 */
const profile = readProfile();

/** Set with `npx sst secret set SmsSecretId … --stage <stage>` (China profile only). */
export const chinaSecrets =
  profile.kind === 'china' ? [new sst.Secret('SmsSecretId'), new sst.Secret('SmsSecretKey'), new sst.Secret('SmtpPassword', 'unset')] : [];

export function deliveryEnvironmentFor(base: Record<string, string>): Record<string, string> {
  const admin: Record<string, string> = process.env.GONGFU_BUREAU_ADMIN ? { BUREAU_ADMIN: process.env.GONGFU_BUREAU_ADMIN } : {};
  if (profile.kind === 'global')
    return { ...base, CODE_DELIVERY: 'aws', ...(process.env.GONGFU_SES_FROM ? { SES_FROM: process.env.GONGFU_SES_FROM } : {}), ...admin };
  const c = profile.china!;
  return {
    ...base,
    CODE_DELIVERY: 'china',
    SMS_SDK_APP_ID: c.smsSdkAppId,
    SMS_SIGN_NAME: c.smsSignName,
    SMS_TEMPLATE_SIGNIN: c.smsTemplateSignin,
    ...(c.smsTemplateInvitation ? { SMS_TEMPLATE_INVITATION: c.smsTemplateInvitation } : {}),
    SMS_REGION: c.smsRegion,
    SMTP_HOST: c.smtpHost,
    SMTP_PORT: String(c.smtpPort),
    ...(c.smtpUser ? { SMTP_USER: c.smtpUser } : {}),
    MAIL_FROM: c.mailFrom,
    ...admin,
  };
}

/** SES e-mail from verified identities and SNS SMS to phone numbers (a direct publish has no resource ARN). */
export const deliveryPermissions =
  profile.kind === 'global'
    ? [
        { actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [arnOf(profile, 'ses', 'identity/*')] },
        { actions: ['sns:Publish'], resources: ['*'] },
      ]
    : undefined;
