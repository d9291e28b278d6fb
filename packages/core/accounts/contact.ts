import { z } from 'zod';

/**
 * Where a one-time code or an invitation goes: an e-mail address or a mainland mobile number.
 * Normalised so the same person typing "+86 138…" or "138…" is one identity.
 */
export type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;
const CN_MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;

export function parseContact(raw: string): Contact | null {
  const s = raw.trim();
  if (s.includes('@')) return EMAIL.test(s) ? { kind: 'email', value: s.toLowerCase() } : null;
  const m = CN_MOBILE.exec(s.replace(/[\s-]/g, ''));
  return m ? { kind: 'phone', value: `+86${m[1]}` } : null;
}

export const contactKey = (c: Contact) => c.value;

export const ContactInput = z
  .string()
  .max(254)
  .transform((s, ctx) => {
    const c = parseContact(s);
    if (!c) {
      ctx.addIssue({ code: 'custom', message: '请填写有效的邮箱或手机号 / Enter a valid e-mail address or mainland mobile number' });
      return z.NEVER;
    }
    return c.value;
  })
  .describe('e-mail address or mainland mobile number (+86…)');

/** What a log line or a page may show of a contact: the one masking rule (privacy/mask.ts). */
export { maskContact } from '../privacy/mask';
