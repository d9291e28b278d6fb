import { AppError, forbidden, notFound } from '#core/errors';
import { deterministicId } from '#core/ids';
import type { Principal } from '#core/principal';
import { needDomains } from '#core/matching/score';
import { DECLINE_REASON_LABELS, STATUS_LABELS } from '#core/labels';
import { PROGRESS_FROM } from '#core/lead-flow';
import {
  FUNNEL,
  type ConfirmInput,
  type DeclineInput,
  type Lead,
  type LeadStatus,
  type ProgressInput,
  type RatingInput,
} from '#core/schemas/lead';
import { allowsPrivateWebhooks, signBody, webhookSecret, webhookTargetProblem } from '#core/webhook';
import * as leads from '#db/leads';
import { getPlatform, getPlatforms } from '#db/platforms';
import { getMatches, getScenario } from '#db/scenarios';
import type { PairingMessage } from '#queue/messages';
import { QUEUES } from '#queue/queues';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

export const leadId = (scenarioId: string, platformId: string, roadshowId?: string) =>
  roadshowId ? deterministicId('lead', scenarioId, platformId, roadshowId) : deterministicId('lead', scenarioId, platformId);

/**
 * The pairing consumer: the lead's id is a function of (scenario, platform[, roadshow]) and it is
 * written with a conditional put, so a redelivered message creates nothing new. Webhook delivery
 * follows; it can fail without the lead being lost (it is already in the inbox).
 */
export async function runPairing(deps: Deps, msg: PairingMessage, receiveCount = 1): Promise<void> {
  const s = storeOf(deps);
  const [sc, platform, matches] = await Promise.all([
    getScenario(s, msg.scenarioId),
    getPlatform(s, msg.platformId),
    getMatches(s, msg.scenarioId),
  ]);
  if (!sc || !platform) return;
  const match = matches?.items.find((m) => m.platformId === msg.platformId);
  const id = leadId(msg.scenarioId, msg.platformId, msg.roadshowId);
  let lead = await leads.getLead(s, id);
  if (!lead) {
    const candidate: Lead = {
      id,
      scenarioId: sc.id,
      platformId: platform.id,
      platformName: platform.name,
      status: 'pending',
      score: match?.score ?? 0,
      solutionId: match?.solutionId,
      reasons: match?.reasons ?? [],
      scenario: {
        title: sc.title,
        industry: sc.industry,
        domains: sc.domains,
        region: sc.region,
        enterpriseName: sc.enterprise.name,
        ownerOrg: sc.ownerOrg,
      },
      domains: needDomains(sc) as Lead['domains'],
      roadshowId: msg.roadshowId,
      ...(msg.roadshowId ? { source: `roadshow:${msg.roadshowId}` } : {}),
      delivery: { webhook: platform.webhookUrl ? 'pending' : 'none', attempts: 0 },
      createdAt: nowIso(deps),
    };
    await leads.createLead(s, candidate);
    lead = (await leads.getLead(s, id))!;
  }
  if (platform.webhookUrl && lead.delivery.webhook === 'pending') {
    await deliverWebhook(deps, lead, platform.webhookUrl, receiveCount);
  }
}

const BACKOFF_MS = [0, 200, 1000];

/** One POST of a lead event, signed with the platform's webhook secret. */
function postSigned(deps: Deps, url: string, lead: Lead, body: string) {
  return deps.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signBody(webhookSecret(deps.settings.AUTH_SECRET, lead.platformId), body), 'x-lead-id': lead.id },
    body,
    signal: AbortSignal.timeout(5000),
  });
}

/**
 * POSTs the lead with an HMAC signature, three tries with backoff inside this invocation. If all
 * fail the message is retried by SQS (visibility timeout); on its last receive the lead is marked
 * `failed` and the message completes, so webhook trouble never reaches the DLQ or loses the lead.
 */
async function deliverWebhook(deps: Deps, lead: Lead, url: string, receiveCount: number): Promise<void> {
  // Checked again at delivery: the rules may be stricter now than when the address was saved.
  const blocked = webhookTargetProblem(url, allowsPrivateWebhooks(deps.settings.STAGE));
  if (blocked) {
    await leads.updateDelivery(storeOf(deps), lead.id, { webhook: 'failed', attempts: lead.delivery.attempts, lastError: blocked });
    return;
  }
  const body = JSON.stringify({ type: 'lead.created', lead });
  let attempts = lead.delivery.attempts;
  let lastError = '';
  for (const wait of BACKOFF_MS) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    attempts++;
    try {
      const res = await postSigned(deps, url, lead, body);
      if (res.ok) {
        await leads.updateDelivery(storeOf(deps), lead.id, { webhook: 'delivered', attempts });
        return;
      }
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = String((err as Error).message ?? err).slice(0, 200);
    }
  }
  const final = receiveCount >= QUEUES.pairing.maxReceiveCount - 1;
  await leads.updateDelivery(storeOf(deps), lead.id, { webhook: final ? 'failed' : 'pending', attempts, lastError });
  if (!final) throw new Error(`webhook delivery failed: ${lastError}`);
}

/** A lead with no move by either side for this long is flagged and its platform reminded. */
export const STALE_AFTER_DAYS = 30;
const staleCutoff = (deps: Deps) => new Date(deps.now().getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();

/** The stale flag is derived on read from the last move, so it can never disagree with it. */
export function withStale(lead: Lead, cutoff: string): Lead {
  return { ...lead, stale: !leads.isFinal(lead.status) && (lead.movedAt ?? lead.createdAt) < cutoff };
}

export async function listLeads(deps: Deps, who: Principal, q: { status?: LeadStatus; limit: number; cursor?: string }) {
  if (who.role !== 'platform' && who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  const page = await leads.leadsPage(storeOf(deps), { ...q, platformId: who.role === 'platform' ? who.org : undefined });
  const cutoff = staleCutoff(deps);
  // A district's page keeps its region's leads only: a page may be short, the cursor still goes on.
  const items = who.role === 'district' ? await inDistrict(deps, who.district!, page.items) : page.items;
  return { ...page, items: items.map((l) => withStale(l, cutoff)) };
}

/** A district's leads: its enterprises' scenarios' and its platforms'. */
async function inDistrict(deps: Deps, district: string, xs: Lead[]): Promise<Lead[]> {
  const others = [...new Set(xs.filter((l) => l.scenario.region !== district).map((l) => l.platformId))];
  const ours = new Set((await getPlatforms(storeOf(deps), others)).filter((p) => p.region === district).map((p) => p.id));
  return xs.filter((l) => l.scenario.region === district || ours.has(l.platformId));
}

/** Who may see a lead: its platform, the scenario's manufacturer, the bureau, the district of either; anyone else gets 404. */
async function visibleLead(deps: Deps, who: Principal, id: string): Promise<Lead> {
  const lead = await leads.getLead(storeOf(deps), id);
  const mine =
    lead &&
    (who.role === 'bureau' ||
      (who.role === 'platform' && who.org === lead.platformId) ||
      (who.role === 'manufacturer' && who.org === lead.scenario.ownerOrg) ||
      (who.role === 'district' && (await inDistrict(deps, who.district!, [lead])).length > 0));
  if (!mine) throw leads.notFoundLead();
  return lead;
}

export async function getLeadFor(deps: Deps, who: Principal, id: string): Promise<Lead> {
  return withStale(await visibleLead(deps, who, id), staleCutoff(deps));
}

/** Leads of the manufacturer's own scenario (the manufacturer's side of the lifecycle). */
export async function leadsOfScenario(deps: Deps, who: Principal, scenarioId: string): Promise<Lead[]> {
  const sc = await getScenario(storeOf(deps), scenarioId);
  if (!sc || !(who.role === 'bureau' || (who.role === 'manufacturer' && who.org === sc.ownerOrg) || (who.role === 'district' && who.district === sc.region))) throw notFound('场景 scenario');
  const cutoff = staleCutoff(deps);
  // Lead ids follow from (scenario, platform): the stored selection names them without an index.
  const matches = await getMatches(storeOf(deps), scenarioId);
  const ids = (matches?.selected ?? []).map((platformId) => leadId(scenarioId, platformId));
  return (await leads.leadsByIds(storeOf(deps), ids)).map((l) => withStale(l, cutoff));
}

/** The lead's platform moves it; a platform that is not the lead's learns nothing about it. */
async function ownLead(deps: Deps, who: Principal, id: string): Promise<Lead> {
  const lead = await leads.getLead(storeOf(deps), id);
  if (!lead || who.role !== 'platform' || who.org !== lead.platformId) throw leads.notFoundLead();
  return lead;
}

const statusZh = (st: LeadStatus) => `${STATUS_LABELS[st].zh} / ${st}`;
const conflict = (lead: Lead, to: string) => `线索当前为「${statusZh(lead.status)}」，不能改为「${to}」 / Lead is ${lead.status}; cannot move to ${to}`;

export async function decide(deps: Deps, who: Principal, id: string, to: 'accepted' | 'declined', input?: DeclineInput): Promise<Lead> {
  const lead = await ownLead(deps, who, id);
  if (lead.status !== 'pending') throw new AppError('CONFLICT', `线索已处理（${lead.status}） / Lead already ${lead.status}`);
  const at = nowIso(deps);
  const declineReason = input ? (input.reason ?? DECLINE_REASON_LABELS[input.code].zh) : undefined;
  return leads.moveLead(
    storeOf(deps),
    lead,
    {
      condition: '#st = :pending',
      values: { ':pending': 'pending' },
      set: { status: to, decidedAt: at, ...(input ? { declineReason, declineCode: input.code } : {}) },
      step: { status: to, at, by: 'platform', ...(declineReason ? { note: declineReason } : {}) },
      // 不在我方业务范围 speaks against the domain; a full order book or a budget gap less so.
      track: to === 'accepted' ? { accepted: 1 } : input?.code === 'out_of_scope' ? { outOfScope: 1 } : { declined: 1 },
      leavesPending: true,
      final: to === 'declined',
    },
    `线索已处理（${lead.status}） / Lead already ${lead.status}`,
  );
}

const rank = (st: LeadStatus) => FUNNEL.indexOf(st);

/**
 * The platform moves an accepted lead forward. Repeating the move the lead already made answers
 * with the lead unchanged (a retried request); anything backward or skipping acceptance is a 409.
 */
export async function progress(deps: Deps, who: Principal, id: string, input: ProgressInput): Promise<Lead> {
  const lead = await ownLead(deps, who, id);
  const cutoff = staleCutoff(deps);
  if (lead.status === input.status) return withStale(lead, cutoff);
  const from = PROGRESS_FROM[input.status];
  if (!from.includes(lead.status)) throw new AppError('CONFLICT', conflict(lead, statusZh(input.status)));
  const at = nowIso(deps);
  const set: Record<string, unknown> = { status: input.status };
  if (input.status === 'signed') set.contract = { valueWan: input.contractValueWan!, signedOn: input.date! };
  if (input.status === 'delivered') set.deliveredOn = input.date ?? at.slice(0, 10);
  if (input.status === 'lost') Object.assign(set, { lostReason: input.reason!, ...(input.note ? { lostNote: input.note } : {}) });
  const values = Object.fromEntries(from.map((st, i) => [`:f${i}`, st]));
  const moved = await leads.moveLead(
    storeOf(deps),
    lead,
    {
      condition: `#st IN (${Object.keys(values).join(', ')})`,
      values,
      set,
      step: { status: input.status, at, by: 'platform', ...(input.note ? { note: input.note } : {}) },
      // Signatures and deliveries count for the ranking only once the manufacturer confirms them;
      // a lead lost before any contract is the platform's own word that it did not sign.
      ...(input.status === 'lost' && !lead.contract ? { track: { lost: 1 } } : {}),
      final: input.status === 'delivered' || input.status === 'lost',
    },
    conflict(lead, statusZh(input.status)),
  );
  return withStale(moved, cutoff);
}

/** Only the scenario's manufacturer confirms or rates; the platform is told it may not (403). */
async function manufacturersLead(deps: Deps, who: Principal, id: string): Promise<Lead> {
  const lead = await visibleLead(deps, who, id);
  if (who.role !== 'manufacturer')
    throw new AppError('FORBIDDEN', '只有需求企业可以确认签约、交付或评价 / Only the scenario\'s manufacturer confirms or rates a deal');
  return lead;
}

export async function confirm(deps: Deps, who: Principal, id: string, input: ConfirmInput): Promise<Lead> {
  const lead = await manufacturersLead(deps, who, id);
  const cutoff = staleCutoff(deps);
  const attr = input.status === 'signed' ? 'signedConfirmedAt' : 'deliveredConfirmedAt';
  if (lead[attr]) return withStale(lead, cutoff);
  if (rank(lead.status) < rank(input.status) || lead.status === 'lost' && input.status === 'delivered' || (lead.status === 'lost' && !lead.contract))
    throw new AppError('CONFLICT', `平台尚未报告${STATUS_LABELS[input.status].zh}，无法确认 / The platform has not reported ${input.status}`);
  const at = nowIso(deps);
  // Confirming the delivery confirms the signature it rests on, if that was not done yet.
  const both = input.status === 'delivered' && !lead.signedConfirmedAt;
  const set: Record<string, unknown> = { [attr]: at, ...(both ? { signedConfirmedAt: at } : {}) };
  const moved = await leads.moveLead(
    storeOf(deps),
    lead,
    {
      condition: `attribute_not_exists(${attr})${both ? ' AND attribute_not_exists(signedConfirmedAt)' : ''}`,
      set,
      step: { status: input.status, at, by: 'manufacturer', note: '企业确认 confirmed by the manufacturer' },
      track: input.status === 'signed' ? { signed: 1 } : { delivered: 1, ...(both ? { signed: 1 } : {}) },
      final: leads.isFinal(lead.status),
    },
    `已确认 / Already confirmed`,
  );
  return withStale(moved, cutoff);
}

export async function rate(deps: Deps, who: Principal, id: string, input: RatingInput): Promise<Lead> {
  const lead = await manufacturersLead(deps, who, id);
  const cutoff = staleCutoff(deps);
  if (lead.rating) {
    if (lead.rating.stars === input.stars && lead.rating.comment === input.comment) return withStale(lead, cutoff);
    throw new AppError('CONFLICT', '已评价，不能修改 / Already rated');
  }
  if (lead.status === 'pending' || lead.status === 'declined')
    throw new AppError('CONFLICT', '平台接受线索后才能评价 / A platform can be rated once it has accepted the lead');
  const at = nowIso(deps);
  const moved = await leads.moveLead(
    storeOf(deps),
    lead,
    {
      condition: 'attribute_not_exists(rating)',
      set: { rating: { stars: input.stars, ...(input.comment ? { comment: input.comment } : {}), at } },
      step: { status: lead.status, at, by: 'manufacturer', note: `评分 ${input.stars} 星 / rated ${input.stars}` },
      track: { rated: 1, ratingCredit: (input.stars - 1) / 4 },
      final: leads.isFinal(lead.status),
    },
    '已评价，不能修改 / Already rated',
  );
  return withStale(moved, cutoff);
}

/**
 * The reconciler's reminder pass: every open lead unmoved for 30 days gets one reminder (through the
 * platform's webhook when it has one), recorded on the lead; the next comes 30 days later unless
 * the lead moves. Delivery is best effort: the flag in the inbox is the durable reminder.
 */
export async function remindStaleLeads(deps: Deps): Promise<number> {
  const s = storeOf(deps);
  let reminded = 0;
  for (const w of await leads.leadsUnmovedSince(s, staleCutoff(deps))) {
    const at = nowIso(deps);
    if (!(await leads.claimReminder(s, w.leadId, w.movedAt, at))) continue;
    reminded++;
    const lead = await leads.getLead(s, w.leadId);
    const platform = lead && (await getPlatform(s, lead.platformId));
    if (!lead || !platform?.webhookUrl) continue;
    if (webhookTargetProblem(platform.webhookUrl, allowsPrivateWebhooks(deps.settings.STAGE))) continue;
    const body = JSON.stringify({ type: 'lead.stale', lead: withStale(lead, staleCutoff(deps)) });
    try {
      await postSigned(deps, platform.webhookUrl, lead, body);
    } catch (err) {
      deps.log.warn('stale-lead reminder not delivered', { leadId: lead.id, error: String((err as Error).message ?? err) });
    }
  }
  return reminded;
}
