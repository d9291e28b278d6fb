/**
 * 保存期限 (个人信息保护法 第十九条: no longer than the purpose needs; 第四十七条: delete when it is
 * reached). One row per kind of record: how long after which event, and what enforces it. Code that
 * writes such a record asks `expiresAtFor(kind, eventIso)` for its TTL attribute; the README prints
 * this table. A new kind of record plugs in with one row here and that one call where it is written.
 */
export interface RetentionRule {
  kind: string;
  label: { zh: string; en: string };
  /** Whole days; 0 means at the event itself. */
  keepDays: number;
  after: { zh: string; en: string };
  /** ttl: the item's TTL attribute (DynamoDB deletes it); anonymise: the reconciler blanks the personal fields; request: until the person asks. */
  enforcedBy: 'ttl' | 'anonymise' | 'request';
  basis: string;
}

export const RETENTION = {
  'login-code': {
    kind: 'login-code',
    label: { zh: '登录验证码记录', en: 'Sign-in code record' },
    keepDays: 0,
    after: { zh: '使用或过期（10 分钟）时', en: 'it is used or expires (10 minutes)' },
    enforcedBy: 'ttl',
    basis: '个人信息保护法 第十九条（目的实现即删除）',
  },
  'login-code-sends': {
    kind: 'login-code-sends',
    label: { zh: '验证码发送次数', en: 'Codes sent to a contact (limit counter)' },
    keepDays: 1,
    after: { zh: '最后一次发送', en: 'the last code sent' },
    enforcedBy: 'ttl',
    basis: '每日发送上限只需一天的记录 / the daily limit needs one day',
  },
  throttle: {
    kind: 'throttle',
    label: { zh: '限频计数（按网络地址）', en: 'Throttle counters (per address)' },
    keepDays: 0,
    after: { zh: '计数小时结束后一小时', en: 'an hour after their hour' },
    enforcedBy: 'ttl',
    basis: '限频只需当前小时 / a throttle needs its hour only',
  },
  'data-request': {
    kind: 'data-request',
    label: { zh: '个人信息申请（验证码）', en: 'Data request (code)' },
    keepDays: 1,
    after: { zh: '提出申请', en: 'the request' },
    enforcedBy: 'ttl',
    basis: '个人信息保护法 第十九条',
  },
  invitation: {
    kind: 'invitation',
    label: { zh: '成员邀请（被邀请人联系方式）', en: 'Invitation (invitee’s contact)' },
    keepDays: 30,
    after: { zh: '邀请失效（14 天）', en: 'the invitation expires (14 days)' },
    enforcedBy: 'ttl',
    basis: '个人信息保护法 第十九条',
  },
  'objection-contact': {
    kind: 'objection-contact',
    label: { zh: '异议人姓名、电话、网络地址', en: 'Objector’s name, phone, address' },
    keepDays: 365,
    after: { zh: '该年度名录发布', en: 'the year’s directory is published' },
    enforcedBy: 'anonymise',
    basis: '复核与申诉期内需可联系异议人；理由与结果作为公示记录保留 / reachable while the outcome can be contested; reason and outcome stay',
  },
  'roadshow-registration': {
    kind: 'roadshow-registration',
    label: { zh: '路演报名（姓名、企业、联系方式）', en: 'Roadshow registration (name, enterprise, contact)' },
    keepDays: 180,
    after: { zh: '活动结束', en: 'the event ends' },
    enforcedBy: 'ttl',
    basis: '活动成效统计周期 / the event’s follow-up period',
  },
  audit: {
    kind: 'audit',
    label: { zh: '审计日志（联系方式遮蔽）', en: 'Audit log (contacts masked)' },
    keepDays: 366,
    after: { zh: '记录写入', en: 'the entry is written' },
    enforcedBy: 'ttl',
    basis: '网络安全法 第二十一条：网络日志留存不少于六个月；取一年 / Cybersecurity Law art. 21: at least six months; one year chosen',
  },
  account: {
    kind: 'account',
    label: { zh: '账号与组织成员关系', en: 'Account and memberships' },
    keepDays: 0,
    after: { zh: '本人申请删除', en: 'the person asks to delete it' },
    enforcedBy: 'request',
    basis: '个人信息保护法 第四十七条',
  },
} as const satisfies Record<string, RetentionRule>;

export type RetentionKind = keyof typeof RETENTION;

const DAY_SEC = 86_400;

/** The TTL attribute (epoch seconds) for a record of this kind whose event happens at `eventIso`. */
export function expiresAtFor(kind: RetentionKind, eventIso: string): number {
  return Math.floor(Date.parse(eventIso) / 1000) + RETENTION[kind].keepDays * DAY_SEC;
}

/** The instant before which an event's records of this kind are past keeping (for the reconciler). */
export function dueBefore(kind: RetentionKind, now: Date): string {
  return new Date(now.getTime() - RETENTION[kind].keepDays * DAY_SEC * 1000).toISOString();
}
