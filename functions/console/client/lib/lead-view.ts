// How a lead's progress reads on every page that shows it: the platform's inbox, the
// manufacturer's scenario and the bureau's funnel use the same sentences.
import { LOST_REASON_LABELS, STATUS_LABELS } from '#core/labels';
import type { FunnelCounts } from '#core/funnel';
import type { Lead } from '#core/schemas/lead';
import { en, h } from './dom';
import { date, num } from './format';

/** Contract, confirmations, rating, stale flag and the timestamped history of one lead. */
export function leadFacts(lead: Lead): HTMLElement {
  const facts = h('div', { class: 'small', 'data-testid': 'lead-facts' },
    lead.stale ? h('p', { class: 'badge declined', 'data-testid': 'lead-stale' }, '30 天无进展 ', en('No move for 30 days')) : null,
    lead.contract
      ? h('p', { 'data-testid': 'lead-contract' }, `合同 Contract ${num(lead.contract.valueWan)} 万元 · ${lead.contract.signedOn}`,
          lead.signedConfirmedAt ? h('span', { class: 'badge accepted', 'data-testid': 'lead-signed-confirmed' }, ' 企业已确认 Confirmed') : null)
      : null,
    lead.deliveredConfirmedAt ? h('p', { 'data-testid': 'lead-delivered-confirmed' }, `交付已确认 Delivery confirmed ${date(lead.deliveredConfirmedAt)}`) : null,
    lead.lostReason ? h('p', null, `未成交原因 Lost: ${LOST_REASON_LABELS[lead.lostReason].zh}`, en(LOST_REASON_LABELS[lead.lostReason].en), lead.lostNote ? ` · ${lead.lostNote}` : '') : null,
    lead.rating
      ? h('p', { 'data-testid': 'lead-rating', 'data-stars': lead.rating.stars }, `企业评价 Rating ${'★'.repeat(lead.rating.stars)}${'☆'.repeat(5 - lead.rating.stars)}`, lead.rating.comment ? ` “${lead.rating.comment}”` : '')
      : null);
  const steps = lead.history ?? [];
  if (steps.length)
    facts.append(h('ol', { class: 'muted', 'data-testid': 'lead-history' },
      steps.map((s) => h('li', { 'data-testid': 'lead-step', 'data-status': s.status, 'data-by': s.by },
        `${date(s.at)} · ${STATUS_LABELS[s.status].zh} ${STATUS_LABELS[s.status].en} · ${s.by === 'manufacturer' ? '企业 manufacturer' : s.by === 'platform' ? '平台 platform' : '系统 system'}${s.note ? ` · ${s.note}` : ''}`))));
  return facts;
}

/** leads → accepted → signed → delivered, with contract value and satisfaction, as KPI tiles. */
export function funnelTiles(f: FunnelCounts, testid = 'funnel'): HTMLElement {
  const tile = (key: string, zh: string, enText: string, v: string) =>
    h('div', { class: 'kpi', 'data-testid': `${testid}-${key}` }, h('div', { class: 'k' }, zh, en(enText)), h('div', { class: 'v' }, v));
  return h('div', { class: 'kpis', 'data-testid': testid },
    tile('leads', '线索', 'Leads', num(f.leads)),
    tile('accepted', '接受', 'Accepted', num(f.accepted)),
    tile('signed', '签约', 'Signed', `${num(f.signed)}（确认 ${num(f.signedConfirmed)}）`),
    tile('delivered', '交付', 'Delivered', num(f.delivered)),
    tile('contract', '合同金额（万元）', 'Contract value (10k CNY)', num(f.contractWan)),
    tile('stars', '满意度', 'Satisfaction', f.meanStars === null ? '—' : `${f.meanStars.toFixed(1)} ★`));
}
