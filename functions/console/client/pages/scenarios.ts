import { api, type Page } from '../lib/api';
import type { Scenario } from '#core/schemas/scenario';
import { byId, clear, control, en, h, say, val } from '../lib/dom';
import { badge, date, term, terms } from '../lib/format';
import { clearFormErrors, errorMsg, formError, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';
import { checked, chosen, fillChecks, fillSelect } from '../lib/widgets';

page(async () => {
  const who = need('manufacturer', 'district');
  if (!who) return;
  // A district (代为填报) enters each enterprise's need itself and sees its region's scenarios.
  const district = who.role === 'district';
  const form = byId('scenario-form', HTMLFormElement);
  const industry = control(form, 'industry', HTMLSelectElement);
  const region = control(form, 'region', HTMLSelectElement);
  const domains = byId('domains');
  const technologies = byId('technologies');
  fillSelect(industry, 'industries', '请选择行业 Choose an industry');
  fillSelect(region, 'regions', '请选择区市 Choose a district');
  fillChecks(domains, 'domains', 'domain');
  fillChecks(technologies, 'technologies', 'tech');

  // The enterprise rarely changes between scenarios; remember it in this browser.
  const enterpriseKey = `gf.enterprise.${who.org}`;
  const fillEnterprise = (e: Scenario['enterprise']) => {
    control(form, 'enterpriseName').value = e.name;
    control(form, 'creditCode').value = e.creditCode;
  };
  const saved = district ? null : (JSON.parse(localStorage.getItem(enterpriseKey) ?? 'null') as Scenario['enterprise'] | null);
  if (saved) fillEnterprise(saved);
  // "Post this as a scenario" from the 名录's search carries the need (and industry) here.
  const carried = new URLSearchParams(location.search);
  const need0 = carried.get('need');
  if (need0) {
    control(form, 'title').value = need0.slice(0, 200);
    control(form, 'description').value = need0.slice(0, 4000);
    if (carried.get('industry')) industry.value = carried.get('industry')!;
  }

  const formMsg = byId('form-msg');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const budget = val(form, 'budgetWan');
    const deadline = val(form, 'deadline');
    const enterprise = { name: val(form, 'enterpriseName'), creditCode: val(form, 'creditCode') };
    const btn = form.querySelector('button[type=submit]') as HTMLButtonElement;
    btn.disabled = true;
    try {
      const sc = await api.scenarios.create({
        title: val(form, 'title'),
        description: val(form, 'description'),
        enterprise,
        industry: chosen(industry, 'industries'),
        domains: checked(domains, 'domains'),
        technologies: checked(technologies, 'technologies'),
        region: chosen(region, 'regions'),
        ...(budget ? { budgetWan: Number(budget) } : {}),
        ...(deadline ? { deadline } : {}),
      });
      form.reset();
      if (!district) {
        localStorage.setItem(enterpriseKey, JSON.stringify(enterprise));
        fillEnterprise(enterprise);
      }
      await load(sc.id);
      clearFormErrors(form);
      say(formMsg, msg('ok', '已保存为草稿，发布后开始匹配。 Saved as a draft; publish it to start matching.', 'scenario-created'));
    } catch (err) {
      say(formMsg, formError(form, err));
    } finally {
      btn.disabled = false;
    }
  });

  const list = byId('scenario-list');
  const listMsg = byId('list-msg');
  async function publish(sc: Scenario, btn: HTMLButtonElement) {
    btn.disabled = true;
    try {
      await api.scenarios.publish(sc.id);
      await load(sc.id);
      say(listMsg, msg('ok', '已发布，正在匹配平台。 Published; matching platforms now.', 'published'));
    } catch (err) {
      btn.disabled = false;
      say(listMsg, errorMsg(err));
    }
  }
  function row(sc: Scenario, highlight?: string) {
    const actions = h('div', { class: 'actions' },
      district ? null : h('a', { class: 'btn ghost', href: `/m/scenarios/${encodeURIComponent(sc.id)}`, 'data-testid': 'scenario-open' }, '匹配结果 ', en('Matches')));
    if (sc.status === 'draft' && (!district || sc.enteredByDistrict)) {
      const b = h('button', { type: 'button', 'data-testid': 'scenario-publish' }, '发布 ', en('Publish'));
      b.addEventListener('click', () => spawn(publish(sc, b)));
      actions.appendChild(b);
    }
    return h('div', { class: 'item', 'data-testid': 'scenario-row', 'data-id': sc.id, 'data-status': sc.status, style: sc.id === highlight ? 'border-color:#0f4c8a' : null },
      h('div', { class: 'head' }, h('span', { class: 'title' }, sc.title), badge(sc.status, 'scenario-status')),
      h('div', { class: 'small muted' }, `${term('industries', sc.industry).zh} · ${sc.domains.length ? terms('domains', sc.domains) : '领域由描述判断 Domains read from the text'} · ${sc.region} · ${date(sc.createdAt)}`),
      district ? h('div', { class: 'small muted', 'data-testid': 'scenario-enterprise' }, `${sc.enterprise.name}${sc.enteredByDistrict ? ' · 区（市）代为填报 Entered by the district' : ''}`) : null,
      actions);
  }
  async function load(highlight?: string) {
    const res: Page<Scenario> = await api.scenarios.list();
    clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'scenario-empty' }, '还没有场景。', en('No scenarios yet.')));
    list.append(...res.items.map((sc) => row(sc, highlight)));
  }
  await load();
});
