import { describe, expect, it } from 'vitest';
import { newApiKey, parseApiKey, requiredScope, secretMatches } from '#core/accounts/api-key';
import { maskContact, parseContact } from '#core/accounts/contact';
import { CODE_MAX_ATTEMPTS, codeRefusal, codeSendAllowed, type LoginCodeRecord } from '#core/accounts/login-code';
import { Claims } from '#core/principal';

describe('contacts', () => {
  it('one person, one identity however the number or address is typed', () => {
    expect(parseContact('+86 139-0000-1111')).toEqual({ kind: 'phone', value: '+8613900001111' });
    expect(parseContact('13900001111')).toEqual({ kind: 'phone', value: '+8613900001111' });
    expect(parseContact(' Alice@Example.CN ')).toEqual({ kind: 'email', value: 'alice@example.cn' });
    for (const bad of ['', '12345', '23900001111', 'alice@', 'a b@example.cn', '+1 415 555 0100']) expect(parseContact(bad), bad).toBeNull();
  });

  it('masks what logs and pages show', () => {
    expect(maskContact('alice@example.cn')).toBe('a***@example.cn');
    expect(maskContact('+8613900001111')).toBe('139****1111');
  });
});

describe('login code rules', () => {
  const issued = new Date('2026-11-30T04:00:00Z');
  const rec = (over: Partial<LoginCodeRecord> = {}): LoginCodeRecord => ({
    contact: 'a@example.cn', nonce: 'n1', issuedAt: issued.toISOString(), expiresAtIso: '2026-11-30T04:10:00.000Z', attempts: 0, ...over,
  });
  const at = (min: number) => new Date(issued.getTime() + min * 60_000);

  it('valid for ten minutes, once, until the fifth wrong try', () => {
    expect(codeRefusal(rec(), 'n1', at(9.9))).toBeNull();
    expect(codeRefusal(rec(), 'n1', at(10))).toBe('expired');
    expect(codeRefusal(rec({ usedAt: at(1).toISOString() }), 'n1', at(2))).toBe('used');
    expect(codeRefusal(rec({ attempts: CODE_MAX_ATTEMPTS - 1 }), 'n1', at(1))).toBeNull();
    expect(codeRefusal(rec({ attempts: CODE_MAX_ATTEMPTS }), 'n1', at(1))).toBe('locked');
  });

  it('only the latest code for a contact counts', () => {
    expect(codeRefusal(rec({ nonce: 'n2' }), 'n1', at(1))).toBe('unknown');
    expect(codeRefusal(undefined, 'n1', at(1))).toBe('unknown');
  });

  it('sends at most five codes in ten minutes and twenty in a day, remembering only the last day', () => {
    const times = (mins: number[]) => mins.map((m) => at(m).toISOString());
    expect(codeSendAllowed(times([0, 1, 2, 3]), at(4))).toMatchObject({ ok: true, recent: times([0, 1, 2, 3, 4]) });
    expect(codeSendAllowed(times([0, 1, 2, 3, 4]), at(5)).ok).toBe(false);
    expect(codeSendAllowed(times([0, 1, 2, 3, 4]), at(10)).ok).toBe(true);
    const day = Array.from({ length: 20 }, (_, i) => i * 30);
    expect(codeSendAllowed(times(day), at(20 * 30)).ok).toBe(false);
    // A day after the first of them, that one no longer counts and is forgotten.
    const next = codeSendAllowed(times(day), at(24 * 60));
    expect(next.ok).toBe(true);
    expect(next.recent).toHaveLength(20);
    expect(next.recent).not.toContain(at(0).toISOString());
  });
});

describe('API keys', () => {
  it('parse back to their id and verify only with their own secret', () => {
    const { key, hash } = newApiKey('key_0abc12XyZ');
    const parsed = parseApiKey(key)!;
    expect(parsed.id).toBe('key_0abc12XyZ');
    expect(secretMatches(parsed.secret, hash)).toBe(true);
    expect(secretMatches(parsed.secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), hash)).toBe(false);
    expect(hash).not.toContain(parsed.secret);
    expect(parseApiKey('gq_key_x_short')).toBeNull();
  });

  it('need the scope of the resource and direction they call, and reach nothing else', () => {
    expect(requiredScope('GET', '/v1/leads')).toBe('leads:read');
    expect(requiredScope('POST', '/v1/leads/l1/accept')).toBe('leads:write');
    expect(requiredScope('PATCH', '/v1/platforms/p1')).toBe('platforms:write');
    expect(requiredScope('GET', '/v1/scenarios/s1/matches')).toBe('scenarios:read');
    for (const path of ['/v1/api-keys', '/v1/me', '/v1/organisations/o1/members', '/v1/audit', '/v1/roadshows', '/v1/stats/overview'])
      expect(requiredScope('GET', path), path).toBeNull();
  });
});

describe('claims', () => {
  it('experts and the bureau carry no org; tenants must', () => {
    const exp = 2_000_000_000;
    expect(Claims.safeParse({ sub: 'exp_1', role: 'expert', exp }).success).toBe(true);
    expect(Claims.safeParse({ sub: 'u', role: 'platform', exp }).success).toBe(false);
    expect(Claims.safeParse({ sub: 'u', role: 'manufacturer', org: 'ent_1', exp }).success).toBe(true);
  });
});
