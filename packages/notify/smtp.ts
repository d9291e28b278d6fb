import { DeliveryError } from './messenger';

/**
 * E-mail over SMTP (the China profile: SES does not exist there). nodemailer loads on first send,
 * so functions that never send pay nothing for it at cold start.
 */
export interface SmtpOptions {
  host: string;
  port: number;
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
  /** Local fakes speak plain SMTP; real servers on 465 speak TLS from the first byte, on 587 STARTTLS. */
  secure?: boolean;
}

export function smtpSender(o: SmtpOptions) {
  let transport: Promise<import('nodemailer').Transporter> | undefined;
  const open = async () => {
    const nodemailer = (await import('nodemailer')).default;
    return nodemailer.createTransport({
      host: o.host,
      port: o.port,
      secure: o.secure ?? o.port === 465,
      auth: o.user ? { user: o.user, pass: o.password ?? '' } : undefined,
      connectionTimeout: o.timeoutMs,
      greetingTimeout: o.timeoutMs,
      socketTimeout: o.timeoutMs,
    });
  };
  return async (to: string, n: { subject: string; text: string }): Promise<void> => {
    try {
      await (await (transport ??= open())).sendMail({ from: o.from, to, subject: n.subject, text: n.text });
    } catch (err) {
      throw new DeliveryError('email', String((err as Error).message ?? err));
    }
  };
}
