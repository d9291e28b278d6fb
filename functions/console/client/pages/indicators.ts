import type { Assessment } from '#core/maturity/assess';
import type { IndicatorReport } from '#core/indicators';
import type { IndicatorField } from '../../shared/page-data';
import { api, orNull } from '../lib/api';
import { byId, clear, control, en, h, readData, say } from '../lib/dom';
import { date, levelBadge, num, term, yesNo } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, poll } from '../lib/page';
import { need } from '../lib/session';

type Block = 'general' | 'specific';
type Values = Record<string, unknown>;

function fieldInput(block: Block, f: IndicatorField) {
  const id = `ind-${block}-${f.path}`;
  const data = { 'data-path': f.path, 'data-kind': f.kind, 'data-testid': id };
  if (f.kind === 'bool') {
    return h('div', { class: 'field checks' }, h('label', { for: id }, h('input', { type: 'checkbox', id, ...data }), h('span', null, f.zh), en(f.en)));
  }
  const input = h('input', { type: 'number', id, required: true, step: f.kind === 'int' ? '1' : 'any', min: f.min, max: f.max, ...data });
  return h('div', { class: 'field' }, h('label', { for: id }, f.zh, en(f.en)), input);
}

const inputsOf = (block: Block) => [...document.querySelectorAll<HTMLInputElement>(`#${block}-fields input`)];
const pathOf = (el: HTMLInputElement) => (el.dataset.path ?? '').split('.');

/** The block's inputs as the nested object the API expects (`security.protected` → { security: { protected } }). */
function collect(block: Block): Values {
  const out: Values = {};
  for (const el of inputsOf(block)) {
    const path = pathOf(el);
    const v = el.dataset.kind === 'bool' ? el.checked : el.value === '' ? undefined : Number(el.value);
    let o = out;
    for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Values;
    o[path[path.length - 1]!] = v;
  }
  return out;
}

function restore(block: Block, values: unknown) {
  for (const el of inputsOf(block)) {
    const v = pathOf(el).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Values)[k] : undefined), values);
    if (v === undefined) continue;
    if (el.dataset.kind === 'bool') el.checked = !!v;
    else el.value = String(v);
  }
}

const show = (v: number | boolean | null) => (typeof v === 'boolean' ? yesNo(v) : num(v));

function renderAssessment(box: HTMLElement, a: Assessment | null) {
  clear(box);
  if (!a) return box.appendChild(h('p', { class: 'muted', 'data-testid': 'assessment-none' }, '尚无评定结果。', en('Not assessed yet.')));
  box.append(
    h('div', { class: 'head' }, h('h2', null, `${a.year} 年度评定 `, en(`Assessment ${a.year}`)), levelBadge(a.level)),
    h('p', { 'data-testid': 'assessment-summary' }, a.summary.zh, en(a.summary.en)),
    h('p', { class: 'small muted' }, `规则版本 Rule set ${a.ruleSetVersion} · ${date(a.assessedAt)}`),
  );
  if (!a.gapsToNextLevel.length) return box.appendChild(msg('ok', '已达最高等级。 Top level reached.', 'no-gaps'));
  return box.append(
    h('h3', null, '距下一级的差距 ', en('Gaps to the next level')),
    h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'gaps' },
      h('thead', null, h('tr', null,
        h('th', null, '指标 ', en('Indicator')),
        h('th', { class: 'num' }, '申报值 ', en('Value')),
        h('th', { class: 'num' }, '要求 ', en('Required')),
        h('th', { class: 'num' }, '差距 ', en('Short by')))),
      h('tbody', null, a.gapsToNextLevel.map((g) =>
        h('tr', { 'data-testid': 'gap-row', 'data-indicator': g.indicator },
          h('td', null, g.label.zh, en(g.label.en), g.kind === 'gate' ? h('span', { class: 'badge declined', style: 'margin-left:6px' }, '门槛 gate') : null),
          h('td', { class: 'num' }, show(g.value)),
          h('td', { class: 'num' }, show(g.required)),
          h('td', { class: 'num' }, g.shortfall === null ? '—' : num(g.shortfall))))))),
  );
}

page(async () => {
  const who = need('platform');
  if (!who?.org) return;
  const fields = readData('indicator-fields');
  const form = byId('indicator-form', HTMLFormElement);
  const note = byId('indicator-msg');
  const p = await orNull(api.platforms.get(who.org));
  if (!p) {
    form.hidden = true;
    say(note, msg('info', '请先登记平台。 Register the platform first.', 'need-profile'));
    note.appendChild(h('a', { href: '/p/profile' }, '去登记 Register →'));
    return;
  }
  const cat = term('categories', p.category);
  byId('indicator-category').textContent = `${cat.zh} ${cat.en}`;

  const thisYear = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
  const year = control(form, 'year', HTMLInputElement);
  year.max = String(thisYear);
  year.value = String(thisYear - 1);

  for (const [block, list] of [['general', fields.general], ['specific', fields.specific[p.category] ?? []]] as const) {
    clear(byId(`${block}-fields`)).appendChild(h('div', { class: 'row' }, list.map((f) => fieldInput(block, f))));
  }

  // Whatever was last filed from this browser, so a correction does not start from blank.
  const draftKey = `gf.indicators.${p.id}`;
  const draft = JSON.parse(localStorage.getItem(draftKey) ?? 'null') as Values | null;
  if (draft) {
    restore('general', draft.general);
    restore('specific', draft.specific);
  }

  const box = byId('assessment');
  const portraitBox = byId('portrait');
  const pid = p.id;
  const current = () => orNull(api.platforms.assessment(pid));
  async function portrait() {
    clear(portraitBox);
    const pt = await orNull(api.platforms.portrait(pid));
    if (!pt) return portraitBox.appendChild(h('p', { class: 'muted' }, '申报后可查看。 Available after a report.'));
    portraitBox.append(
      h('p', null, '发展指数 Development index: ', h('b', { 'data-testid': 'development-index' }, pt.developmentIndex === null ? '—' : pt.developmentIndex.toFixed(1)), ` · 同类平台 peers: ${pt.peers}`),
      h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null, pt.dimensions.map((d) =>
        h('tr', null,
          h('td', null, d.label.zh, en(d.label.en)),
          h('td', { class: 'num' }, d.score === null ? '—' : d.score.toFixed(1)),
          h('td', { style: 'width:40%' }, h('div', { class: 'meter' }, h('i', { style: `width:${d.score ?? 0}%` })))))))),
    );
    if (pt.warnings.length) {
      portraitBox.append(
        h('h3', null, '数据核实提示 ', en('Please verify')),
        h('ul', { 'data-testid': 'warnings' }, pt.warnings.map((w) => h('li', { class: 'small' }, w.message.zh, h('div', { class: 'en' }, w.message.en)))),
      );
    }
    return portraitBox;
  }
  let before = await current();
  renderAssessment(box, before);
  await portrait();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    // The form is built from the report schemas themselves (INDICATOR_FIELDS), so its shape is the
    // schema's; the server validates the values.
    const body = { general: collect('general'), specific: collect('specific') } as unknown as IndicatorReport;
    const btn = form.querySelector('button[type=submit]') as HTMLButtonElement;
    btn.disabled = true;
    try {
      const res = await api.platforms.report(pid, year.value, body);
      localStorage.setItem(draftKey, JSON.stringify(body));
      say(note, msg('info', '已提交，正在评定… Submitted; assessing…', 'indicator-submitted'));
      const prevAt = before?.assessedAt ?? '';
      const a = await poll(async () => {
        const x = await current();
        return x && x.year === res.year && x.assessedAt !== prevAt ? x : null;
      }, 1000, 60_000);
      if (a) {
        before = a;
        renderAssessment(box, a);
        await portrait();
        say(note, msg('ok', '评定已更新。 Assessment updated.', 'indicator-assessed'));
      } else say(note, msg('info', '评定仍在进行，请稍后刷新。 Still assessing; reload later.', 'indicator-pending'));
    } catch (err) {
      say(note, errorMsg(err));
    } finally {
      btn.disabled = false;
    }
  });
});
