import type { Contact } from '#core/accounts/contact';
import type { Settings } from '#settings/settings';
import type { Messenger, Notice } from './messenger';

/**
 * SES for e-mail, SNS for SMS. The SDK clients load on first send (they are installed beside the
 * bundle, infra/defaults.ts), so functions that never send pay nothing for them at cold start.
 */
export class AwsMessenger implements Messenger {
  private ses?: Promise<(to: string, n: Notice) => Promise<void>>;
  private sns?: Promise<(to: string, n: Notice) => Promise<void>>;

  constructor(private readonly opts: { region: string; from?: string }) {}

  async send(to: Contact, notice: Notice): Promise<void> {
    const send = to.kind === 'email' ? (this.ses ??= this.sesSender()) : (this.sns ??= this.snsSender());
    await (await send)(to.value, notice);
  }

  private async sesSender() {
    const from = this.opts.from;
    if (!from) throw new Error('SES_FROM is not set: e-mail codes need a verified SES sender / 未配置发件地址 SES_FROM');
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const client = new SESv2Client({ region: this.opts.region });
    return async (to: string, n: Notice) => {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: n.subject, Charset: 'UTF-8' }, Body: { Text: { Data: n.text, Charset: 'UTF-8' } } } },
        }),
      );
    };
  }

  private async snsSender() {
    const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
    const client = new SNSClient({ region: this.opts.region });
    return async (to: string, n: Notice) => {
      await client.send(
        new PublishCommand({
          PhoneNumber: to,
          Message: n.text,
          // Codes must arrive now; promotional SMS may be delayed or filtered.
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
    };
  }
}

export const awsMessenger = (settings: Settings) => new AwsMessenger({ region: settings.AWS_REGION, from: settings.SES_FROM });
