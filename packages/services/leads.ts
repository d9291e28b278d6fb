import { AppError, forbidden } from '../core/errors';
import { deterministicId } from '../core/ids';
import type { Principal } from '../core/principal';
import type { Lead, LeadStatus } from '../core/schemas/lead';
import { allowsPrivateWebhooks, signBody, webhookSecret, webhookTargetProblem } from '../core/webhook';
import * as leads from '../db/leads';
import { getPlatform } from '../db/platforms';
import { getMatches, getScenario } from '../db/scenarios';
import type { PairingMessage } from '../queue/messages';
import { QUEUES } from '../queue/queues';
import type { Deps } from '../runtime/deps';
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
      roadshowId: msg.roadshowId,
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
  const signature = signBody(webhookSecret(deps.settings.AUTH_SECRET, lead.platformId), body);
  let attempts = lead.delivery.attempts;
  let lastError = '';
  for (const wait of BACKOFF_MS) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    attempts++;
    try {
      const res = await deps.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-lead-id': lead.id },
        body,
        signal: AbortSignal.timeout(5000),
      });
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

export async function listLeads(deps: Deps, who: Principal, q: { status?: LeadStatus; limit: number; cursor?: string }) {
  if (who.role !== 'platform' && who.role !== 'bureau') throw forbidden();
  return leads.leadsPage(storeOf(deps), { ...q, platformId: who.role === 'platform' ? who.org : undefined });
}

export async function decide(deps: Deps, who: Principal, id: string, to: 'accepted' | 'declined', reason?: string): Promise<Lead> {
  const lead = await leads.getLead(storeOf(deps), id);
  // Only the lead's own platform decides; anyone else learns nothing about the lead.
  if (!lead || who.role !== 'platform' || who.org !== lead.platformId) throw leads.notFoundLead();
  if (lead.status !== 'pending') throw new AppError('CONFLICT', `线索已处理（${lead.status}） / Lead already ${lead.status}`);
  return leads.decideLead(storeOf(deps), lead, to, nowIso(deps), reason);
}
