import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { maskContact, parseContact } from '#core/accounts/contact';
import { CODE_MAX_ATTEMPTS, CODE_TTL_SEC } from '#core/accounts/login-code';
import { AppError, conflict, notFound } from '#core/errors';
import { newId } from '#core/ids';
import { RETENTION } from '#core/privacy/retention';
import type { DataRequestConfirm, DataRequestInput, DeletionReport, PersonalData } from '#core/schemas/personal-data';
import { getOrganisation, listMembers, membershipsOf } from '#db/organisations';
import { countDataRequestMiss, getDataRequest, putDataRequest, useDataRequest } from '#db/personal-data';
import { reserveCodeSend } from '#db/login-codes';
import { hourlyBudget, takeFromBudget } from '#db/throttle';
import { userIdByContact } from '#db/users';
import type { Deps } from '#runtime/deps';
import { mustGetUser } from '../accounts';
import { audit, type Origin } from '../audit';
import { nowIso, storeOf } from '../store';
import { PERSONAL_DATA_SOURCES, type Subject } from './sources';

/** Everything held about the subject, section by section (个人信息保护法 第四十五条). */
export async function collectPersonalData(deps: Deps, subject: Subject): Promise<PersonalData> {
  const sections = await Promise.all(
    PERSONAL_DATA_SOURCES.map(async (src) => ({
      kind: src.kind,
      label: src.label,
      ...(src.retention ? { retention: { zh: `${RETENTION[src.retention].after.zh}后${RETENTION[src.retention].keepDays}天`, en: `${RETENTION[src.retention].keepDays} days after ${RETENTION[src.retention].after.en}` } } : {}),
      items: await src.collect(deps, subject),
    })),
  );
  return { generatedAt: nowIso(deps), subject: { contact: subject.contact, ...(subject.userId ? { userId: subject.userId } : {}) }, sections };
}

/**
 * An organisation never loses its last admin to a deletion while others depend on it: the person
 * hands the role over first (409 naming the organisations).
 */
async function assertNoOrphanedOrganisation(deps: Deps, userId: string) {
  const s = storeOf(deps);
  const blocking: string[] = [];
  for (const m of await membershipsOf(s, userId)) {
    if (m.role !== 'admin') continue;
    const members = await listMembers(s, m.orgId);
    if (members.length > 1 && !members.some((x) => x.userId !== userId && x.role === 'admin')) blocking.push((await getOrganisation(s, m.orgId))?.name ?? m.orgId);
  }
  if (blocking.length)
    throw conflict(`您是「${blocking.join('」「')}」唯一的管理员，请先将管理员角色交给其他成员 / You are the only admin of ${blocking.join(', ')}; make another member admin first`);
}

/**
 * Deletes or anonymises what no legal obligation needs (第四十七条) and says what stays and why.
 * Sources are erased in reverse order, so memberships go before the account they hang on.
 */
export async function erasePersonalData(deps: Deps, subject: Subject): Promise<DeletionReport> {
  if (subject.userId) await assertNoOrphanedOrganisation(deps, subject.userId);
  const items: DeletionReport['items'] = [];
  for (const src of [...PERSONAL_DATA_SOURCES].reverse()) {
    const found = await src.collect(deps, subject);
    items.unshift({ kind: src.kind, label: src.label, ...(await src.erase(deps, subject, found)) });
  }
  return { at: nowIso(deps), items };
}

// ---- the signed-in person ------------------------------------------------------------------------

export async function myData(deps: Deps, userId: string, origin: Origin): Promise<PersonalData> {
  const user = await mustGetUser(deps, userId);
  await audit(deps, { action: 'personal_data.exported', actor: { userId, via: 'user' }, target: userId }, origin);
  return collectPersonalData(deps, { contact: user.contact, userId });
}

export async function deleteMyData(deps: Deps, userId: string, origin: Origin): Promise<DeletionReport> {
  const user = await mustGetUser(deps, userId);
  const report = await erasePersonalData(deps, { contact: user.contact, userId });
  await audit(deps, { action: 'personal_data.deleted', actor: { userId, via: 'user' }, target: userId, details: summary(report) }, origin);
  return report;
}

const summary = (r: DeletionReport) => Object.fromEntries(r.items.filter((i) => i.count).map((i) => [i.kind, `${i.outcome}:${i.count}`]));

// ---- people without an account: a request by contact, confirmed with a code sent to it ----------

const codeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest();

/**
 * Sends a 6-digit code to the contact. The answer is the same whether or not anything is held
 * about it, so the endpoint tells nobody who objected or has an account. Throttled per address
 * like objections, and per contact with the sign-in code limits (one budget of codes per contact).
 */
export async function startDataRequest(deps: Deps, input: DataRequestInput, address: string, origin: Origin) {
  const s = storeOf(deps);
  const contact = parseContact(input.contact)!;
  // Like a throttled objection, a throttled request leaves no trace beyond the counters.
  if (!(await takeFromBudget(s, hourlyBudget(`data-request#${address}`, deps.settings.OBJECTIONS_PER_HOUR, deps.now())))) {
    throw new AppError('RATE_LIMITED', '申请过于频繁，请一小时后再试 / Too many requests from this address; try again in an hour');
  }
  if (!(await reserveCodeSend(s, contact.value, deps.now()))) {
    throw new AppError('RATE_LIMITED', '该联系方式获取验证码过于频繁，请稍后再试 / Too many codes sent to this contact; try again later');
  }
  const now = deps.now();
  const id = newId('dreq', now.getTime());
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAtIso = new Date(now.getTime() + CODE_TTL_SEC * 1000).toISOString();
  await putDataRequest(s, { id, contact: contact.value, codeHash: codeHash(id, code).toString('hex'), attempts: 0, createdAt: now.toISOString(), expiresAtIso, noticeVersion: input.noticeVersion });
  await deps.messenger.send(contact, {
    subject: `工赋青岛个人信息申请验证码 ${code} / Code for your data request`,
    text: `您申请查询或删除本人信息，验证码 ${code}，10 分钟内有效。如非本人操作请忽略。 / Someone asked to see or delete the data held about this contact. Code ${code}, valid 10 minutes. If it was not you, ignore this.`,
  });
  await audit(deps, { action: 'data_request.created', actor: { via: 'user' }, target: id, details: { contact: maskContact(contact.value), noticeVersion: input.noticeVersion } }, origin);
  return { id, expiresAt: expiresAtIso, sentTo: maskContact(contact.value) };
}

/** The code proves the requester holds the contact; then export or delete, once per code. */
export async function confirmDataRequest(deps: Deps, id: string, input: DataRequestConfirm, origin: Origin) {
  const s = storeOf(deps);
  const r = await getDataRequest(s, id);
  if (!r) throw notFound('申请 data request');
  const now = nowIso(deps);
  const refuse = async (why: string, err: AppError) => {
    await audit(deps, { action: 'data_request.refused', actor: { via: 'user' }, target: id, details: { why } }, origin);
    return err;
  };
  if (r.usedAt) throw await refuse('used', conflict('验证码已使用，请重新申请 / This code was already used; start a new request'));
  if (r.attempts >= CODE_MAX_ATTEMPTS) throw await refuse('locked', conflict('错误次数过多，请重新申请 / Too many wrong tries; start a new request'));
  if (now >= r.expiresAtIso) throw await refuse('expired', conflict('验证码已过期（10 分钟），请重新申请 / The code expired (10 minutes); start a new request'));
  if (!timingSafeEqual(codeHash(id, input.code), Buffer.from(r.codeHash, 'hex'))) {
    const n = await countDataRequestMiss(s, id, CODE_MAX_ATTEMPTS);
    throw await refuse('wrong_code', new AppError('VALIDATION_FAILED', undefined, [{ path: 'code', message: `验证码错误（已错 ${n ?? CODE_MAX_ATTEMPTS} 次，最多 ${CODE_MAX_ATTEMPTS} 次） / Wrong code` }]));
  }
  if (!(await useDataRequest(s, id, CODE_MAX_ATTEMPTS, now))) throw await refuse('used', conflict('验证码已使用，请重新申请 / This code was already used; start a new request'));
  const subject: Subject = { contact: r.contact, userId: await userIdByContact(s, r.contact) };
  if (input.action === 'export') {
    await audit(deps, { action: 'data_request.confirmed', actor: { userId: subject.userId, via: 'user' }, target: id, details: { action: 'export' } }, origin);
    return { action: 'export' as const, export: await collectPersonalData(deps, subject) };
  }
  const deletion = await erasePersonalData(deps, subject);
  await audit(deps, { action: 'data_request.confirmed', actor: { userId: subject.userId, via: 'user' }, target: id, details: { action: 'delete', ...summary(deletion) } }, origin);
  return { action: 'delete' as const, deletion };
}
