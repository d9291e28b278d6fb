import type { Contact } from '../core/accounts/contact';

/** A short message to a person: a sign-in code or an invitation. */
export interface Notice {
  subject: string;
  text: string;
}

/** Code and invitation delivery: SES (e-mail) and SNS (SMS) on AWS, a dev mailbox locally. */
export interface Notifier {
  send(to: Contact, notice: Notice): Promise<void>;
}
