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

/**
 * Codes one contact may be sent per window. Each code allows five guesses, so these also bound how
 * fast anyone can guess (≤ 100 a day against 10⁶ codes), and what one address or number can cost
 * in SMS.
 */
export const CODE_SEND_LIMITS: readonly { windowSec: number; max: number }[] = [
  { windowSec: 600, max: 5 },
  { windowSec: 86_400, max: 20 },
];

/**
 * Whether one more code may be sent now, given when the previous ones were (ISO times, any order);
 * `recent` is what is worth remembering afterwards: the sends inside the longest window, this one
 * included when allowed.
 */
export function codeSendAllowed(sentAt: readonly string[], now: Date): { ok: boolean; recent: string[] } {
  const longest = Math.max(...CODE_SEND_LIMITS.map((l) => l.windowSec));
  const t = now.getTime();
  const within = (sec: number) => sentAt.filter((x) => t - Date.parse(x) < sec * 1000);
  const recent = within(longest).sort();
  const ok = CODE_SEND_LIMITS.every((l) => within(l.windowSec).length < l.max);
  return { ok, recent: ok ? [...recent, now.toISOString()] : recent };
}

export const REFUSAL_TEXT: Record<CodeRefusal | 'invalid' | 'too_many' | 'too_many_here', string> = {
  unknown: '验证码无效，请重新获取 / This code is not valid; request a new one',
  expired: '验证码已过期（10 分钟），请重新获取 / The code expired (10 minutes); request a new one',
  used: '验证码已使用，请重新获取 / The code was already used; request a new one',
  locked: '错误次数过多，此验证码已锁定，请重新获取 / Too many wrong tries; this code is locked, request a new one',
  invalid: '验证码错误 / Wrong code',
  too_many: '获取验证码过于频繁（每 10 分钟最多 5 次、每天最多 20 次），请稍后再试 / Too many codes requested (at most 5 per 10 minutes and 20 per day); please try again later',
  too_many_here: '此网络获取验证码过于频繁，请一小时后再试 / Too many codes were requested from this network; please try again in an hour',
};
