import { randomBytes } from 'node:crypto';
import { maskContact, parseContact, type Contact } from '#core/accounts/contact';
import { CODE_MAX_ATTEMPTS, CODE_TTL_SEC, codeRefusal, type CodeRefusal } from '#core/accounts/login-code';
import { newId } from '#core/ids';
import { NOTICE_UNSTATED, knownNoticeVersions } from '#core/privacy/notices';
import type { Role } from '#core/principal';
import { BUREAU_ORG_ID, type Member, type User } from '#core/schemas/account';
import { consumeLoginCode, countWrongTry, getLoginCode, putLoginCode, releaseCodeSend, reserveCodeSend } from '#db/login-codes';
import { DeliveryError } from '#notify/messenger';
import { ensureOrganisation, getMember, putMember } from '#db/organisations';
import { hourlyBudget, takeFromBudget } from '#db/throttle';
import { createUser, getUser, userIdByContact } from '#db/users';
import type { Deps } from '#runtime/deps';
import { actingOptions, expertForPerson } from './accounts';
import { audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

/** What a person's access token says they act as; refreshed tokens keep it, the API re-checks it. */
export interface TokenProperties {
  role?: Role;
  org?: string;
  /** Expert tokens only: the person acting as the expert named by the token's `sub`. */
  user?: string;
}

/** The SMS provider or the mail server refused the code or did not answer in time. */
export class CodeNotSent extends Error {
  override name = 'CodeNotSent';
}

/**
 * Sends the code the issuer just generated and records it; returns the nonce the issuer keeps with
 * it, or null when the contact has had its share of codes (nothing is sent, the last code stays).
 * A send that fails throws CodeNotSent and counts for nothing: the send is taken back from the
 * contact's limits and the previous code (if any) stays the one that works.
 */
export async function issueCode(deps: Deps, contact: Contact, code: string): Promise<string | null> {
  const now = deps.now();
  if (!(await reserveCodeSend(storeOf(deps), contact.value, now))) {
    await audit(deps, { action: 'signin.code_throttled', actor: { via: 'issuer' }, target: maskContact(contact.value) });
    return null;
  }
  try {
    await deps.messenger.send(contact, {
      subject: `工赋青岛登录验证码 ${code} / Sign-in code`,
      text: `您的登录验证码是 ${code}，${CODE_TTL_SEC / 60} 分钟内有效，请勿告诉他人。 / Your sign-in code is ${code}. It expires in ${CODE_TTL_SEC / 60} minutes; do not share it.`,
      sms: { template: 'signin', params: [code, String(CODE_TTL_SEC / 60)] },
    });
  } catch (err) {
    await releaseCodeSend(storeOf(deps), contact.value, now.toISOString());
    const reason = err instanceof DeliveryError ? err.reason : String((err as Error).message ?? err);
    deps.log.error('sign-in code not sent', { contact: maskContact(contact.value), reason });
    await audit(deps, { action: 'signin.code_not_sent', actor: { via: 'issuer' }, target: maskContact(contact.value), details: { channel: contact.kind, reason: reason.slice(0, 200) } });
    throw new CodeNotSent(reason);
  }
  const nonce = randomBytes(16).toString('base64url');
  await putLoginCode(storeOf(deps), {
    contact: contact.value,
    nonce,
    issuedAt: now.toISOString(),
    expiresAtIso: new Date(now.getTime() + CODE_TTL_SEC * 1000).toISOString(),
    attempts: 0,
  });
  return nonce;
}

/**
 * Whether one more code may be requested from this address in the current hour (all contacts
 * together). A refusal is audited once per request; nothing is sent.
 */
export async function codeRequestAllowedFrom(deps: Deps, address: string): Promise<boolean> {
  const ok = await takeFromBudget(storeOf(deps), hourlyBudget(`signin-code#${address}`, deps.settings.SIGNIN_CODES_PER_ADDRESS_PER_HOUR, deps.now()));
  if (!ok) await audit(deps, { action: 'signin.code_throttled', actor: { via: 'issuer' }, target: address, details: { per: 'address' } });
  return ok;
}

/** A wrong code: counted against that code; the fifth locks it. Returns whether it is now locked. */
export async function wrongCode(deps: Deps, contact: string, nonce: string, origin: Origin): Promise<boolean> {
  const attempts = await countWrongTry(storeOf(deps), contact, nonce);
  await audit(deps, { action: 'signin.code_failed', actor: { via: 'issuer' }, target: maskContact(contact), details: { attempts: attempts ?? CODE_MAX_ATTEMPTS } }, origin);
  return attempts === undefined || attempts >= CODE_MAX_ATTEMPTS;
}

export type SignInResult = { ok: true; user: User; properties: TokenProperties } | { ok: false; refusal: CodeRefusal };

/**
 * A correct code: consumed once (unexpired, unlocked, unused), then the person is found or created
 * and their default acting organisation chosen.
 */
export async function completeSignIn(deps: Deps, contactValue: string, nonce: string, origin: Origin, shownNotice?: string): Promise<SignInResult> {
  // The notice version the sign-in page showed (a hidden field); anything else is recorded as unstated.
  const noticeVersion = shownNotice && knownNoticeVersions('sign-in').includes(shownNotice) ? shownNotice : NOTICE_UNSTATED;
  const s = storeOf(deps);
  const now = nowIso(deps);
  if (!(await consumeLoginCode(s, contactValue, nonce, now))) {
    const refusal = codeRefusal(await getLoginCode(s, contactValue), nonce, deps.now()) ?? 'used';
    await audit(deps, { action: 'signin.code_refused', actor: { via: 'issuer' }, target: maskContact(contactValue), details: { refusal } }, origin);
    return { ok: false, refusal };
  }
  const user = await findOrCreateUser(deps, contactValue, noticeVersion);
  await grantFirstBureauAdmin(deps, user, origin);
  const properties = await defaultProperties(deps, user.id);
  await audit(deps, { action: 'signin.succeeded', actor: { userId: user.id, via: 'issuer' }, target: user.id, details: { ...(properties.org ? { org: properties.org } : {}), noticeVersion } }, origin);
  return { ok: true, user, properties };
}

async function findOrCreateUser(deps: Deps, contact: string, noticeVersion?: string): Promise<User> {
  const s = storeOf(deps);
  const existing = await userIdByContact(s, contact);
  if (existing) return (await getUser(s, existing))!;
  const user: User = { id: newId('usr', deps.now().getTime()), contact, createdAt: nowIso(deps), ...(noticeVersion ? { noticeVersion } : {}) };
  if (await createUser(s, user)) return user;
  // Two first sign-ins raced: the other one created the user.
  return (await getUser(s, (await userIdByContact(s, contact))!))!;
}

/** The first bureau admin comes from the BUREAU_ADMIN setting (or `npm run bureau-admin`), never from sign-up. */
async function grantFirstBureauAdmin(deps: Deps, user: User, origin: Origin) {
  const configured = deps.settings.BUREAU_ADMIN ? parseContact(deps.settings.BUREAU_ADMIN) : null;
  if (!configured || configured.value !== user.contact) return;
  if (await makeBureauAdmin(deps, user)) await audit(deps, { action: 'bureau_admin.granted', actor: { via: 'issuer' }, orgId: BUREAU_ORG_ID, target: user.id, details: { source: 'BUREAU_ADMIN setting' } }, origin);
}

/** Idempotent: creates the bureau organisation if needed and makes this user its admin. */
export async function makeBureauAdmin(deps: Deps, user: User): Promise<boolean> {
  const s = storeOf(deps);
  const at = nowIso(deps);
  await ensureOrganisation(s, { id: BUREAU_ORG_ID, kind: 'bureau', name: '青岛市工业和信息化局 / Qingdao Bureau of Industry and IT', createdAt: at, createdBy: user.id });
  if (await getMember(s, BUREAU_ORG_ID, user.id)) return false;
  const m: Member = { orgId: BUREAU_ORG_ID, userId: user.id, contact: user.contact, role: 'admin', addedAt: at };
  return putMember(s, m);
}

/** Ensures a user exists for the contact (CLI path for the first bureau admin). */
export async function userForContact(deps: Deps, contact: string): Promise<User> {
  return findOrCreateUser(deps, contact);
}

/** One organisation (or one platform) → act for it; otherwise the first, switchable later. */
async function defaultProperties(deps: Deps, userId: string): Promise<TokenProperties> {
  const options = (await actingOptions(deps, userId)).flatMap((m) => m.actAs);
  const preferred = options.find((o) => o.role !== 'platform' || !o.org.startsWith('opr_')) ?? options[0];
  return preferred ? { role: preferred.role, org: preferred.org } : {};
}

/** Whether this person may act for `org` now (the switch provider asks before issuing a token). */
export async function propertiesFor(deps: Deps, userId: string, org: string): Promise<TokenProperties | undefined> {
  const options = (await actingOptions(deps, userId)).flatMap((m) => m.actAs);
  const hit = options.find((o) => o.org === org);
  return hit ? { role: hit.role, org: hit.org } : undefined;
}

/** Whether this person may act as expert `expertId` now (their contact is the one the bureau registered). */
export async function expertProperties(deps: Deps, userId: string, expertId: string): Promise<TokenProperties | undefined> {
  return (await expertForPerson(deps, userId, expertId)) ? { role: 'expert', user: userId } : undefined;
}
