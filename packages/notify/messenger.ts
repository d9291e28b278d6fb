import type { Contact } from '#core/accounts/contact';

/** A short message to a person: a sign-in code or an invitation. */
export interface Notice {
  subject: string;
  text: string;
  /**
   * For SMS providers that send only registered templates (mainland China): which template and its
   * variables. Senders that take free text ignore it.
   */
  sms?: { template: 'signin' | 'invitation'; params: string[] };
}

/** The provider refused the message or did not answer in time: nothing was delivered. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly channel: 'email' | 'sms',
    readonly reason: string,
  ) {
    super(`${channel} not sent: ${reason}`);
  }
}

/**
 * Code and invitation delivery: SES (e-mail) and SNS (SMS) on AWS, SMTP and Tencent Cloud SMS on
 * the China profile, a dev mailbox locally. A send that fails rejects (DeliveryError where the
 * provider said no or timed out).
 */
export interface Messenger {
  send(to: Contact, notice: Notice): Promise<void>;
}
