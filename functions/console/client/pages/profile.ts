import type { Label } from '#core/schemas/common';
import type { Platform } from '#core/schemas/platform';
import type { Solution } from '#core/schemas/solution';
import { api, orNull } from '../lib/api';
import { byId, clear, control, en, h, say, val, type Child } from '../lib/dom';
import { levelBadge, term, terms } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';
import { checked, chosen, fillChecks, fillSelect } from '../lib/widgets';

const row = (k: Label, v: Child) => h('tr', null, h('th', null, k.zh, en(k.en)), h('td', null, v));

function eligibility(p: Platform) {
  const e = p.eligibility;
  return [
    e.cityDirectory ? '市级培优名录 City directory' : '未入名录 Not in directory',
    e.provincialRecommendation ? ' · 省级推荐 Provincial' : '',
    e.nationalRecommendation ? ` · 国家级推荐 National (${e.nationalTrack})` : '',
  ].join('');
}

page(async () => {
  const who = need('platform');
  if (!who?.org) return;
  const id = who.org;
  const profile = byId('profile');
  const reg = byId('register-form', HTMLFormElement);
  const solCard = byId('solutions-card');
  const solList = byId('solution-list');
  const solMsg = byId('solution-msg');

  async function showProfile() {
    const p = await orNull(api.platforms.get(id));
    reg.hidden = !!p;
    profile.hidden = solCard.hidden = !p;
    if (!p) return;
    const cat = term('categories', p.category);
    clear(profile).append(
      h('div', { class: 'head' }, h('h2', { 'data-testid': 'platform-name' }, p.name), levelBadge(p.level)),
      h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null,
        row({ zh: '编号', en: 'Id' }, h('code', null, p.id)),
        row({ zh: '运营单位', en: 'Operator' }, `${p.operator.name} (${p.operator.creditCode})`),
        row({ zh: '类型', en: 'Category' }, `${cat.zh} ${cat.en}${p.subtype ? ` · ${term('subtypes', p.subtype).zh}` : ''}`),
        row({ zh: '区市', en: 'District' }, p.region),
        row({ zh: '服务行业', en: 'Industries' }, p.industries.length ? terms('industries', p.industries) : '跨行业 Cross-industry'),
        row({ zh: '业务领域', en: 'Domains' }, terms('domains', p.domains)),
        row({ zh: '应用技术', en: 'Technologies' }, terms('technologies', p.technologies)),
        row({ zh: '评定年度', en: 'Assessed year' }, p.assessedYear ?? '—'),
        row({ zh: '名录资格', en: 'Eligibility' }, eligibility(p)),
        row({ zh: '简介', en: 'Description' }, p.description),
        row({ zh: '网站', en: 'Website' }, p.website ? h('a', { href: p.website, rel: 'noopener', target: '_blank' }, p.website) : '—'),
        row({ zh: '线索推送地址', en: 'Webhook' }, p.webhookUrl ?? '—')))),
      h('p', null, h('a', { href: '/p/indicators', 'data-testid': 'to-indicators' }, '申报成熟度指标 → ', en('Report maturity indicators'))),
    );
    await showSolutions();
    await showSubscription();
  }

  // What the platform follows in the 场景清单: ticked industries and domains, saved as a whole.
  const subForm = byId('subscription-form', HTMLFormElement);
  const subIndustries = byId('sub-industries');
  const subDomains = byId('sub-domains');
  fillChecks(subIndustries, 'industries', 'sub-industry');
  fillChecks(subDomains, 'domains', 'sub-domain');
  async function showSubscription() {
    subForm.hidden = false;
    const sub = await api.subscription.get(id);
    const tick = (box: HTMLElement, codes: readonly string[]) => {
      for (const i of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) i.checked = codes.includes(i.value);
    };
    tick(subIndustries, sub.industries);
    tick(subDomains, sub.domains);
  }
  subForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        const sub = await api.subscription.set(id, { industries: checked(subIndustries, 'industries'), domains: checked(subDomains, 'domains') });
        say(byId('subscription-msg'), msg('ok', `已保存：${sub.industries.length} 个行业、${sub.domains.length} 个领域 / Saved`, 'subscription-saved'));
      } catch (err) {
        say(byId('subscription-msg'), errorMsg(err));
      }
    })());
  });

  function solutionItem(s: Solution) {
    const del = h('button', { type: 'button', class: 'danger', 'data-testid': 'solution-delete' }, '删除 ', en('Delete'));
    del.addEventListener('click', async () => {
      del.disabled = true;
      try {
        await api.platforms.deleteSolution(id, s.id);
        await showSolutions();
      } catch (err) {
        del.disabled = false;
        say(solMsg, errorMsg(err));
      }
    });
    return h('div', { class: 'item', 'data-testid': 'solution-item', 'data-id': s.id },
      h('div', { class: 'head' }, h('span', { class: 'title' }, s.title), del),
      h('p', { class: 'small' }, s.description),
      h('div', { class: 'small muted' },
        `${s.industries.length ? terms('industries', s.industries) : '跨行业 Cross-industry'} · ${terms('domains', s.domains)} · ${terms('technologies', s.technologies)}`));
  }
  async function showSolutions() {
    const res = await api.platforms.solutions(id);
    clear(solList);
    if (!res.items.length) solList.appendChild(h('p', { class: 'muted', 'data-testid': 'solution-empty' }, '还没有解决方案。', en('No solutions yet.')));
    solList.append(...res.items.map(solutionItem));
  }

  // Registration (first visit of a platform user) and the solution form share the pickers.
  const category = control(reg, 'category', HTMLSelectElement);
  const subtype = control(reg, 'subtype', HTMLSelectElement);
  const region = control(reg, 'region', HTMLSelectElement);
  fillSelect(category, 'categories');
  fillSelect(subtype, 'subtypes', '— 无 None —');
  fillSelect(region, 'regions');
  fillChecks(byId('reg-industries'), 'industries', 'reg-industry');
  fillChecks(byId('reg-domains'), 'domains', 'reg-domain');
  fillChecks(byId('reg-technologies'), 'technologies', 'reg-tech');
  const syncSub = () => (subtype.disabled = category.value !== 'characteristic');
  category.addEventListener('change', syncSub);
  syncSub();
  reg.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const cat = chosen(category, 'categories');
    const website = val(reg, 'website');
    const webhookUrl = val(reg, 'webhookUrl');
    try {
      await api.platforms.register({
        name: val(reg, 'name'),
        operator: { name: val(reg, 'operatorName'), creditCode: val(reg, 'creditCode') },
        category: cat,
        region: chosen(region, 'regions'),
        industries: checked(byId('reg-industries'), 'industries'),
        domains: checked(byId('reg-domains'), 'domains'),
        technologies: checked(byId('reg-technologies'), 'technologies'),
        description: val(reg, 'description'),
        ...(cat === 'characteristic' ? { subtype: chosen(subtype, 'subtypes') } : {}),
        ...(website ? { website } : {}),
        ...(webhookUrl ? { webhookUrl } : {}),
      });
      await showProfile();
    } catch (err) {
      say(byId('register-msg'), errorMsg(err));
    }
  });

  const sol = byId('solution-form', HTMLFormElement);
  fillChecks(byId('sol-industries'), 'industries', 'sol-industry');
  fillChecks(byId('sol-domains'), 'domains', 'sol-domain');
  fillChecks(byId('sol-technologies'), 'technologies', 'sol-tech');
  sol.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await api.platforms.addSolution(id, {
        title: val(sol, 'title'),
        description: val(sol, 'description'),
        industries: checked(byId('sol-industries'), 'industries'),
        domains: checked(byId('sol-domains'), 'domains'),
        technologies: checked(byId('sol-technologies'), 'technologies'),
      });
      sol.reset();
      await showSolutions();
      say(solMsg, msg('ok', '已添加解决方案。 Solution added.', 'solution-added'));
    } catch (err) {
      say(solMsg, errorMsg(err));
    }
  });

  await showProfile();
});
