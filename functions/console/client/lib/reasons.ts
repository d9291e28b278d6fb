import type { z } from 'zod';
import { FACTOR_LABELS } from '#core/labels';
import type { Reason } from '#core/schemas/scenario';
import { en, h } from './dom';

/** Why a platform matched: each factor's label, its explanation and, with meter, its value. */
export function reasonList(reasons: readonly z.infer<typeof Reason>[], opts: { meter?: boolean } = {}) {
  return h('ul', { class: 'reasons' }, reasons.map((r) => {
    const f = FACTOR_LABELS[r.factor];
    const width = Math.round(Math.max(0, Math.min(1, r.value)) * 100);
    const meter = opts.meter
      ? h('div', { class: 'meter', title: `value ${r.value.toFixed(2)} × weight ${r.weight.toFixed(2)}` }, h('i', { style: `width:${width}%` }))
      : null;
    return h('li', { 'data-testid': 'match-reason', 'data-factor': r.factor }, h('span', null, f.zh, en(f.en), meter), h('span', null, r.text));
  }));
}
