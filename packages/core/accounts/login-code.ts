/**
 * The one-time sign-in code's rules (issue 12): valid ten minutes, good once, and locked after five
 * wrong tries. The code itself lives in OpenAuth's encrypted state; this record is the server's
 * memory of it, so a replayed browser state cannot outlive these rules.
 */
export const CODE_TTL_SEC = 600;
export const CODE_MAX_ATTEMPTS = 5;

export interface LoginCodeRecord {
  contact: string;
  /** Random id carried in the OpenAuth state, so the record and the code sent are one pair. */
  nonce: string;
  issuedAt: string;
  expiresAtIso: string;
  attempts: number;
  usedAt?: string;
}

export type CodeRefusal = 'unknown' | 'expired' | 'used' | 'locked';

/** Why a correct code may still not sign anyone in; null when it may. */
export function codeRefusal(rec: LoginCodeRecord | undefined, nonce: string, now: Date): CodeRefusal | null {
  if (!rec || rec.nonce !== nonce) return 'unknown';
  if (rec.usedAt) return 'used';
  if (rec.attempts >= CODE_MAX_ATTEMPTS) return 'locked';
  if (now.toISOString() >= rec.expiresAtIso) return 'expired';
  return null;
}

export const REFUSAL_TEXT: Record<CodeRefusal | 'invalid', string> = {
  unknown: '验证码无效，请重新获取 / This code is not valid; request a new one',
  expired: '验证码已过期（10 分钟），请重新获取 / The code expired (10 minutes); request a new one',
  used: '验证码已使用，请重新获取 / The code was already used; request a new one',
  locked: '错误次数过多，此验证码已锁定，请重新获取 / Too many wrong tries; this code is locked, request a new one',
  invalid: '验证码错误 / Wrong code',
};
