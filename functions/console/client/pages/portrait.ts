import { api, orNull } from '../lib/api';
import { chart } from '../lib/chart';
import { byId, clear, control, en, h, readData, say, val } from '../lib/dom';
import { levelBadge, num, pct, term, terms, yesNo } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import type { SelectionBody, SelectionResult } from '#core/schemas/selection';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

page(async () => {
  if (!need('bureau', 'district')) return;
  const id = readData('platform-id');
  const p = await api.platforms.get(id);
  const c = term('categories', p.category);
  byId('platform-head').append(
    h('div', { class: 'head' }, h('h2', { 'data-testid': 'platform-name' }, p.name), levelBadge(p.level)),
    h('div', { class: 'small muted' }, `${c.zh} ${c.en} · ${p.region} · ${p.operator.name} · ${terms('domains', p.domains)}`),
  );

  // Upstream decisions: listed, and recorded from the published document (第七条, 第十一条).
  const list = byId('selections');
  const showSelections = async () => {
    const { items } = await api.platforms.selections(id);
    clear(list).append(...(items.length
      ? items.map((x) => h('li', { 'data-testid': 'selection-item' }, x.title, h('span', { class: 'small muted' }, ` · ${x.documentNo} · ${x.decidedOn}`)))
      : [h('li', { class: 'muted' }, '尚未登记。', en('None recorded.'))]));
  };
  const form = byId('selection-form', HTMLFormElement);
  // A default only: what someone already typed (the page loads while they start) stays.
  const yearInput = control(form, 'year', HTMLInputElement);
  if (!yearInput.value) yearInput.value = String(new Date().getFullYear());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        const x = await api.platforms.recordSelection(id, Number(val(form, 'year')), val(form, 'body') as SelectionBody, {
          result: val(form, 'result') as SelectionResult,
          documentNo: val(form, 'documentNo'),
          decidedOn: val(form, 'decidedOn'),
        });
        say(byId('selection-note'), msg('ok', `已登记 Recorded: ${x.title}`, 'selection-recorded'));
        await showSelections();
      } catch (err) {
        say(byId('selection-note'), errorMsg(err));
      }
    })());
  });
  await showSelections();

  const box = byId('portrait');
  const pt = await orNull(api.platforms.portrait(id));
  if (!pt) {
    box.appendChild(msg('info', '该平台尚未申报指标，暂无画像。 No indicator report yet, so no portrait.', 'portrait-none'));
    byId('radar-card').hidden = true;
    return;
  }
  byId('index').textContent = pt.developmentIndex === null ? '—' : pt.developmentIndex.toFixed(1);
  byId('index-note').textContent = `${pt.year} 年度 · 同类平台 ${pt.peers} 家 / ${pt.year} report · ${pt.peers} same-category platforms`;

  chart(byId('chart-radar'), {
    tooltip: {},
    radar: {
      radius: '62%',
      indicator: pt.dimensions.map((d) => ({ name: `${d.label.zh}\n${d.label.en}`, max: 100 })),
      axisName: { color: '#38495a', fontSize: 11 },
    },
    series: [{
      type: 'radar',
      areaStyle: { opacity: 0.25 },
      data: [{ name: p.name, value: pt.dimensions.map((d) => (d.score === null ? 0 : Math.round(d.score * 10) / 10)) }],
    }],
  }, `${p.name} · 发展指数各维度 Development index by dimension`);

  for (const d of pt.dimensions) {
    box.appendChild(h('h3', { 'data-testid': 'dimension', 'data-key': d.key }, d.label.zh, en(d.label.en),
      ' · ', h('b', null, d.score === null ? '—' : d.score.toFixed(1)),
      h('span', { class: 'small muted' }, ` (${d.weighting === 'entropy' ? '熵权 entropy' : '等权 equal'})`)));
    if (!d.indicators.length) continue;
    box.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'dim' }, h('tbody', null, d.indicators.map((i) =>
      h('tr', null,
        h('td', null, i.label.zh, en(i.label.en)),
        h('td', { class: 'num' }, typeof i.value === 'boolean' ? yesNo(i.value) : i.indicator === 'acceptanceRate' ? pct(i.value) : num(i.value)),
        h('td', null, h('div', { class: 'meter', title: `normalised ${i.normalised.toFixed(2)}` }, h('i', { style: `width:${Math.round(i.normalised * 100)}%` }))),
        h('td', { class: 'num small muted' }, `权重 ${pct(i.weight)}`)))))));
  }
  const warn = byId('warnings');
  if (!pt.warnings.length) warn.appendChild(msg('ok', '未发现异常数据。 No implausible figures found.', 'no-warnings'));
  else warn.appendChild(h('ul', { 'data-testid': 'warnings' }, pt.warnings.map((w) =>
    h('li', { 'data-testid': 'warning', 'data-code': w.code }, w.message.zh, h('div', { class: 'en' }, w.message.en)))));
  byId('method').appendChild(h('details', null, h('summary', null, '计算方法 ', en('Method')),
    h('p', { class: 'small' }, pt.method.zh), h('p', { class: 'small en' }, pt.method.en)));
});
