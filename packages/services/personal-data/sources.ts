import { RETENTION, type RetentionKind } from '#core/privacy/retention';
import type { Label } from '#core/schemas/common';
import type { ErasureOutcome } from '#core/schemas/personal-data';
import { auditOfPerson } from '#db/audit';
import { anonymiseObjectionContact, objectionsByContact } from '#db/objection-contacts';
import { invitationsFor, membershipsOf, deleteMember } from '#db/organisations';
import { deleteInvitation, deleteLoginCode, deleteUser, loginCodeState } from '#db/personal-data';
import { expertIdByContact, getExpert } from '#db/reviews';
import { getUser } from '#db/users';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from '../store';
import { eraseRegistrations, registrationsOfContact } from '../roadshow-events';
import type { RoadshowRegistration } from '#core/schemas/roadshow-event';

/** Whom a request is about: a verified contact, and the account signed in with it if there is one. */
export interface Subject {
  contact: string;
  userId?: string;
}

type Row = Record<string, unknown>;

/**
 * One kind of personal record the service holds: how to find a person's records and how to erase
 * them. The export and the deletion walk this list, so a new collection point (e.g. roadshow
 * registrations) plugs in with one entry in PERSONAL_DATA_SOURCES.
 */
export interface PersonalDataSource {
  kind: string;
  label: Label;
  retention?: RetentionKind;
  collect(deps: Deps, subject: Subject): Promise<Row[]>;
  /** Deletes or anonymises; or says why the records stay. Runs after `collect` found `found` rows. */
  erase(deps: Deps, subject: Subject, found: Row[]): Promise<Omit<ErasureOutcome, 'kind' | 'label'>>;
}

const done = (outcome: 'deleted' | 'anonymised', count: number) => ({ outcome: count ? outcome : ('none' as const), count });

const account: PersonalDataSource = {
  kind: 'account',
  label: { zh: '账号', en: 'Account' },
  retention: 'account',
  async collect(deps, subject) {
    const u = subject.userId ? await getUser(storeOf(deps), subject.userId) : undefined;
    return u ? [{ ...u }] : [];
  },
  async erase(deps, subject, found) {
    if (!subject.userId || !found.length) return done('deleted', 0);
    return done('deleted', (await deleteUser(storeOf(deps), subject.userId, subject.contact)) ? 1 : 0);
  },
};

const memberships: PersonalDataSource = {
  kind: 'membership',
  label: { zh: '组织成员关系', en: 'Memberships' },
  retention: 'account',
  async collect(deps, subject) {
    return subject.userId ? (await membershipsOf(storeOf(deps), subject.userId)).map((m) => ({ ...m })) : [];
  },
  async erase(deps, subject, found) {
    let n = 0;
    for (const m of found) if (await deleteMember(storeOf(deps), String(m.orgId), subject.userId!)) n++;
    return done('deleted', n);
  },
};

const invitations: PersonalDataSource = {
  kind: 'invitation',
  label: { zh: '发给您的邀请', en: 'Invitations sent to you' },
  retention: 'invitation',
  async collect(deps, subject) {
    return (await invitationsFor(storeOf(deps), subject.contact)).map((i) => ({ ...i }));
  },
  async erase(deps, _subject, found) {
    let n = 0;
    for (const i of found) if (await deleteInvitation(storeOf(deps), String(i.id))) n++;
    return done('deleted', n);
  },
};

const objections: PersonalDataSource = {
  kind: 'objection',
  label: { zh: '您提出的异议（联系方式）', en: 'Objections you filed (contact details)' },
  retention: 'objection-contact',
  async collect(deps, subject) {
    return (await objectionsByContact(storeOf(deps), subject.contact)).map((o) => ({ ...o }));
  },
  async erase(deps, _subject, found) {
    let n = 0;
    for (const o of found) if (await anonymiseObjectionContact(storeOf(deps), String(o.id), nowIso(deps))) n++;
    return {
      ...done('anonymised', n),
      reason: { zh: '异议理由与处理结果属于公示记录，予以保留；姓名、电话和网络地址已删除。', en: 'The reason and outcome belong to the public-notice record and stay; name, phone and address are erased.' },
    };
  },
};

const signInCodes: PersonalDataSource = {
  kind: 'login-code',
  label: { zh: '登录验证码记录', en: 'Sign-in codes' },
  retention: 'login-code',
  async collect(deps, subject) {
    return loginCodeState(storeOf(deps), subject.contact);
  },
  async erase(deps, subject, found) {
    const deleted = (await deleteLoginCode(storeOf(deps), subject.contact)) ? 1 : 0;
    const sends = found.filter((r) => r.record === 'sends').length;
    if (!sends) return done('deleted', deleted);
    return {
      outcome: 'kept',
      count: sends,
      reason: { zh: '验证码发送次数用于防止滥发短信，一天后自动删除。', en: 'The count of codes sent limits SMS abuse and is deleted automatically after a day.' },
    };
  },
};

const expert: PersonalDataSource = {
  kind: 'expert',
  label: { zh: '评审专家登记', en: 'Expert registration' },
  async collect(deps, subject) {
    const id = await expertIdByContact(storeOf(deps), subject.contact);
    const e = id ? await getExpert(storeOf(deps), id) : undefined;
    return e ? [{ ...e }] : [];
  },
  async erase(_deps, _subject, found) {
    return {
      outcome: found.length ? 'kept' : 'none',
      count: found.length,
      ...(found.length
        ? { reason: { zh: '专家登记及评审记录由市工信局依第十一条管理；退出专家库请联系市工信局。', en: 'The expert registration and reviews are the bureau’s review record (art. 11); ask the bureau to retire you from the panel.' } }
        : {}),
    };
  },
};

const auditLog: PersonalDataSource = {
  kind: 'audit',
  label: { zh: '与您有关的审计记录', en: 'Audit entries about you' },
  retention: 'audit',
  async collect(deps, subject) {
    return subject.userId ? (await auditOfPerson(storeOf(deps), subject.userId)).map((e) => ({ ...e })) : [];
  },
  async erase(_deps, _subject, found) {
    return {
      outcome: found.length ? 'kept' : 'none',
      count: found.length,
      ...(found.length
        ? { reason: { zh: `《网络安全法》第二十一条要求留存网络日志不少于六个月；本服务保存${RETENTION.audit.keepDays}天后自动删除，其中联系方式均已遮蔽。`, en: `The Cybersecurity Law (art. 21) requires logs be kept at least six months; they are deleted automatically after ${RETENTION.audit.keepDays} days, contacts masked.` } }
        : {}),
    };
  },
};

// --- roadshow audience registrations (issue 20) ---
const roadshowRegistrations: PersonalDataSource = {
  kind: 'roadshow-registration',
  label: { zh: '路演报名', en: 'Roadshow registrations' },
  retention: 'roadshow-registration',
  async collect(deps, subject) {
    return (await registrationsOfContact(deps, subject.contact)).map((r) => ({ ...r }));
  },
  async erase(deps, _subject, found) {
    return done('deleted', await eraseRegistrations(deps, found as unknown as RoadshowRegistration[]));
  },
};

/** Every kind of personal record, in the order the export shows them. Add new collection points here. */
export const PERSONAL_DATA_SOURCES: PersonalDataSource[] = [account, memberships, invitations, objections, signInCodes, expert, auditLog, roadshowRegistrations];
