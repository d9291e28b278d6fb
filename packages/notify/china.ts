import type { Contact } from '#core/accounts/contact';
import { SettingsError, type Settings } from '#settings/settings';
import { DeliveryError, type Messenger, type Notice } from './messenger';
import { smtpSender } from './smtp';
import { tencentSmsSender } from './tencent-sms';

/**
 * The China profile's delivery: e-mail over SMTP, SMS through Tencent Cloud SMS with the registered
 * signature and templates. Settings are checked when the messenger is built, so a stage missing one
 * fails at start-up with the setting's name instead of at someone's first sign-in.
 */
export class ChinaMessenger implements Messenger {
  constructor(
    private readonly email: (to: string, n: Notice) => Promise<void>,
    private readonly sms: (to: string, s: NonNullable<Notice['sms']>) => Promise<void>,
  ) {}

  async send(to: Contact, notice: Notice): Promise<void> {
    if (to.kind === 'email') return this.email(to.value, notice);
    if (!notice.sms) throw new DeliveryError('sms', 'this message has no SMS template');
    return this.sms(to.value, notice.sms);
  }
}

const REQUIRED = ['SMS_SDK_APP_ID', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_SIGNIN', 'SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMTP_HOST', 'MAIL_FROM'] as const;

export function chinaMessenger(s: Settings, o: { fetch?: typeof fetch; now?: () => Date } = {}): ChinaMessenger {
  const missing = REQUIRED.filter((k) => !s[k]);
  if (missing.length) throw new SettingsError(`CODE_DELIVERY=china needs ${missing.join(', ')} / 国内短信与邮件发送缺少配置: ${missing.join(', ')}`);
  return new ChinaMessenger(
    smtpSender({ host: s.SMTP_HOST!, port: s.SMTP_PORT, secure: s.SMTP_SECURE, user: s.SMTP_USER, password: s.SMTP_PASSWORD, from: s.MAIL_FROM!, timeoutMs: s.DELIVERY_TIMEOUT_MS }),
    tencentSmsSender({
      endpoint: s.SMS_ENDPOINT,
      region: s.SMS_REGION,
      secretId: s.SMS_SECRET_ID!,
      secretKey: s.SMS_SECRET_KEY!,
      sdkAppId: s.SMS_SDK_APP_ID!,
      signName: s.SMS_SIGN_NAME!,
      templates: { signin: s.SMS_TEMPLATE_SIGNIN!, invitation: s.SMS_TEMPLATE_INVITATION },
      timeoutMs: s.DELIVERY_TIMEOUT_MS,
      fetch: o.fetch,
      now: o.now,
    }),
  );
}
