import { TAXONOMY, type Code, type TermKind } from '#core/terms';
import { clear, en, h } from './dom';
import { isCode } from './format';

/** Options of a taxonomy select; GB/T codes are shown beside their names. */
export function fillSelect(select: HTMLSelectElement, kind: TermKind, placeholder?: string): void {
  clear(select);
  if (placeholder) select.appendChild(h('option', { value: '' }, placeholder));
  for (const t of TAXONOMY[kind]) {
    select.appendChild(h('option', { value: t.code }, `${t.zh} ${t.en}${/^[A-Z]\d+$/.test(t.code) ? ` (${t.code})` : ''}`));
  }
}

/** A box of checkboxes, one per taxonomy term; test ids are `<prefix>-<code>`. */
export function fillChecks(box: HTMLElement, kind: TermKind, prefix: string): void {
  clear(box);
  for (const t of TAXONOMY[kind]) {
    box.appendChild(h('label', null, h('input', { type: 'checkbox', value: t.code, 'data-testid': `${prefix}-${t.code}` }), h('span', null, t.zh), en(t.en)));
  }
}

/** The taxonomy codes ticked in a fillChecks box. */
export function checked<K extends TermKind>(box: HTMLElement, kind: K): Code<K>[] {
  return [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value).filter((v) => isCode(kind, v));
}

/**
 * The code chosen in a fillSelect select. An unchosen ('') value is sent as it is: the API's
 * validation answers with the field's zh/en message, the same as for any other client.
 */
export const chosen = <K extends TermKind>(select: HTMLSelectElement, _kind: K): Code<K> => select.value as Code<K>;
