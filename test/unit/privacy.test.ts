import { describe, expect, it } from 'vitest';
import { findContacts, maskAddress, maskAuditContacts, maskContact, maskContactsIn, maskName } from '#core/privacy/mask';
import { NOTICE_UNSTATED, NoticeVersionField, PRIVACY_NOTICES, currentNotice, type NoticeForm } from '#core/privacy/notices';
import { REDACTED, redactLogValue, redactText } from '#core/privacy/redact';
import { RETENTION, dueBefore, expiresAtFor } from '#core/privacy/retention';

describe('the masking rule', () => {
  it('shows enough to recognise a contact, not to use it', () => {
    expect(maskContact('+8613812341234')).toBe('138****1234');
    expect(maskContact('13812341234')).toBe('138****1234');
    expect(maskContact('0532-88881234')).toBe('053****1234');
    expect(maskContact('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskContact('123')).toBe('****');
    expect(maskName('王先生')).toBe('王**');
    expect(maskAddress('203.0.113.77')).toBe('203.0.113.*');
    expect(maskAddress('2001:db8:1:2::5')).toBe('2001:db8:1:*');
  });

  it('finds and masks contacts inside text, and leaves ids and timestamps alone', () => {
    const text = 'call +86 138 1234 1234 or 13900001111, mail li@qdu.example.cn, office 0532-88881234; id obj_13812341234x at 1764751234567';
    expect(findContacts(text)).toHaveLength(4);
    const masked = maskContactsIn(text);
    expect(findContacts(masked)).toEqual([]);
    expect(masked).toContain('138****1234');
    expect(masked).toContain('l***@qdu.example.cn');
    expect(masked).toContain('obj_13812341234x');
    expect(masked).toContain('1764751234567');
    expect(maskAuditContacts({ target: 'x', details: { contact: '+8613700001111', n: 3 } })).toEqual({ target: 'x', details: { contact: '137****1111', n: 3 } });
  });
});

describe('log redaction', () => {
  it('removes credentials by key and by shape, and masks contacts in any string', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJlLXZhbHVl';
    const line = JSON.parse(JSON.stringify({ authorization: 'anything', token: 'x', note: `Bearer ${jwt} from 13812341234`, key: 'gq_x', nested: { msg: jwt } }, redactLogValue));
    expect(line).toEqual({ authorization: REDACTED, token: REDACTED, note: `Bearer ${REDACTED} from 138****1234`, key: REDACTED, nested: { msg: REDACTED } });
    expect(redactText(`gq_ak_0a1b2c3d_${'A'.repeat(43)}`)).toBe(REDACTED);
  });
});

describe('notices at collection', () => {
  it('every form has a current notice saying what, why, who and how long, in both languages', () => {
    for (const form of Object.keys(PRIVACY_NOTICES) as NoticeForm[]) {
      const n = currentNotice(form);
      expect(n.version.startsWith(form)).toBe(true);
      for (const lang of [n.zh, n.en]) for (const part of [lang.what, lang.why, lang.who, lang.howLong]) expect(part.length).toBeGreaterThan(5);
    }
  });

  it('the field accepts the form’s own versions, records "unstated" without one, and refuses others', () => {
    const f = NoticeVersionField('objection');
    expect(f.parse(undefined)).toBe(NOTICE_UNSTATED);
    expect(f.parse('objection-2026-12')).toBe('objection-2026-12');
    expect(f.safeParse('sign-in-2026-12').success).toBe(false);
  });
});

describe('retention as data', () => {
  it('computes TTLs and cut-offs from the table', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(expiresAtFor('login-code', at)).toBe(Date.parse(at) / 1000);
    expect(expiresAtFor('audit', at)).toBe(Date.parse(at) / 1000 + 366 * 86_400);
    expect(dueBefore('objection-contact', new Date('2027-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    // 网络安全法 第二十一条: network logs at least six months.
    expect(RETENTION.audit.keepDays).toBeGreaterThanOrEqual(183);
  });
});
