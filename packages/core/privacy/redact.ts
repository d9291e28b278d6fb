import { maskContactsIn } from './mask';

/**
 * Structured logs never carry a full contact or a credential (个人信息保护法 第五十一条 safeguards;
 * logs are read by more people than the data). Applied to every value the logger serialises, so a
 * careless `log.info('x', { body })` cannot leak what a handler happened to hold.
 */

// Keys whose value is a credential or a secret whatever it looks like.
const SECRET_KEY = /^(authorization|cookie|set-cookie|x-api-key|api[-_]?key|key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|secret|client[-_]?secret|password|code[-_]?verifier|otp|verification[-_]?code)$/i;

// Credentials that can turn up inside any string: JWTs, our API keys, bearer headers.
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const API_KEY = /\bgq_[A-Za-z0-9]+_[A-Za-z0-9]+_[A-Za-z0-9_-]{43}\b/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;

export const REDACTED = '[redacted]';

/** Masks contacts and removes credentials from one string. */
export function redactText(s: string): string {
  return maskContactsIn(s.replace(JWT, REDACTED).replace(API_KEY, REDACTED).replace(BEARER, `Bearer ${REDACTED}`));
}

/** A JSON.stringify replacer (the logger's jsonReplacerFn). */
export function redactLogValue(key: string, value: unknown): unknown {
  if (key && SECRET_KEY.test(key) && value !== undefined && value !== null && value !== '') return REDACTED;
  return typeof value === 'string' ? redactText(value) : value;
}
