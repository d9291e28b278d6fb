import { EVIDENCE_KINDS } from '#core/evidence-kinds';
import type { Evidence } from '#core/schemas/evidence';
import { en, h } from './dom';

const KB = 1024;
const size = (n: number) => (n >= KB * KB ? `${(n / KB / KB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / KB))} KB`);
const STATE: Record<Evidence['status'], string> = { verified: '已校验 verified', pending: '待校验 pending', rejected: '校验不符 rejected' };

/**
 * An application's evidence files, each a short-lived download link once verified. With `withdraw`,
 * a file not verified (its upload failed or did not match) can be taken back to upload it again.
 */
export function evidenceList(items: readonly Evidence[], withdraw?: (e: Evidence) => void) {
  if (!items.length) return h('p', { class: 'muted small', 'data-testid': 'evidence-none' }, '无材料。 No evidence.');
  return h('ul', { 'data-testid': 'evidence-files' }, items.map((e) =>
    h('li', { 'data-testid': 'evidence-item', 'data-id': e.id, 'data-status': e.status },
      e.downloadUrl ? h('a', { href: e.downloadUrl, target: '_blank', rel: 'noopener', 'data-testid': 'evidence-link' }, e.fileName) : e.fileName,
      h('span', { class: 'small muted' }, ` · ${EVIDENCE_KINDS[e.kind].zh} · ${size(e.size)} · ${STATE[e.status]}${e.problem ? ` · ${e.problem}` : ''} `),
      withdraw && e.status !== 'verified'
        ? h('button', { type: 'button', class: 'danger', 'data-testid': 'evidence-withdraw', onclick: () => withdraw(e) }, '撤回 ', en('Withdraw'))
        : null)));
}
