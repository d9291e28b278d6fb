import { districtOrgId, type Me } from '#core/schemas/account';
import type { Region } from '#core/taxonomy';
import type { Role } from '#core/principal';
import { devMailboxCode, httpTransport, signInWithCode, switchTo, type Transport } from '../sign-in-flow';
import type { DemoClient } from './http';

// The demo's people: each one a contact that signs in through the dev mailbox, set up the way real
// people are (the first bureau admin by the operator's grant, the rest by sign-up, invitation or
// registration), so signing in as them shows the console exactly as they would see it.

export interface DemoPerson {
  role: Extract<Role, 'bureau' | 'manufacturer' | 'platform' | 'expert' | 'district'>;
  contact: string;
  /** Whom they act for, as the console's organisation switcher names it. */
  actsFor: string;
  /** The page to open first. */
  start: string;
}

export const DEMO_CONTACTS = {
  bureau: 'bureau@gongfu.example',
  manufacturer: 'maker@gongfu.example',
  platform: 'platform@gongfu.example',
  expert: 'expert@gongfu.example',
  district: 'district@gongfu.example',
} as const satisfies Record<DemoPerson['role'], string>;

export class DemoSignIn {
  private readonly transport: Transport;
  private readonly readCode: (contact: string) => Promise<string>;
  constructor(private readonly api: DemoClient) {
    this.transport = httpTransport(api.base);
    this.readCode = devMailboxCode(this.transport);
  }

  /** A fresh access token for this contact, through the code form and the dev mailbox. */
  async signIn(contact: string): Promise<string> {
    return (await signInWithCode(this.transport, contact, this.readCode)).access_token;
  }

  /** The same person acting for another organisation, platform or expert record. */
  async actFor(token: string, target: string | { expert: string }): Promise<string> {
    return (await switchTo(this.transport, token, target)).access_token;
  }

  me(token: string): Promise<Me> {
    return this.api.call<Me>('GET', '/v1/me', { token }).then((r) => r.body);
  }
}

/** The first bureau admin, as `npm run bureau-admin` would grant it (the local stack's dev route). */
export async function bureauPerson(api: DemoClient, people: DemoSignIn, serviceToken: string): Promise<string> {
  await api.call('POST', '/dev/bureau-admin', { token: serviceToken, body: { contact: DEMO_CONTACTS.bureau } });
  return people.signIn(DEMO_CONTACTS.bureau);
}

/**
 * A person who signs up and creates their own enterprise or operator (第十条 自主入库); on a later
 * run they already belong to it. Returns their token acting for it.
 */
export async function founder(api: DemoClient, people: DemoSignIn, contact: string, org: { kind: 'enterprise' | 'operator'; name: string; creditCode: string }): Promise<{ token: string; orgId: string }> {
  const token = await people.signIn(contact);
  const had = (await people.me(token)).memberships.find((m) => m.kind === org.kind);
  const orgId = had?.orgId ?? (await api.call<{ id: string }>('POST', '/v1/organisations', { token, body: org })).body.id;
  return { token: await people.actFor(token, orgId), orgId };
}

/** 第四条: the bureau sets up the district's office and invites its official, who accepts. */
export async function districtPerson(api: DemoClient, people: DemoSignIn, bureau: string, region: Region): Promise<void> {
  await api.call('POST', '/v1/organisations', { token: bureau, body: { kind: 'district', region }, ok: [201, 409] });
  const orgId = districtOrgId(region);
  const official = await people.signIn(DEMO_CONTACTS.district);
  const me = await people.me(official);
  if (me.memberships.some((m) => m.orgId === orgId)) return;
  const pending = me.invitations.find((i) => i.orgId === orgId)
    ?? (await api.call<{ id: string }>('POST', `/v1/organisations/${encodeURIComponent(orgId)}/invitations`, { token: bureau, body: { contact: DEMO_CONTACTS.district, role: 'admin' } })).body;
  await api.call('POST', `/v1/invitations/${pending.id}/accept`, { token: official });
}
