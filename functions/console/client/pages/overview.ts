import { LEVEL_LABELS, LEVELS, STATUS_LABELS } from '#core/labels';
import type { LeadStatus } from '#core/schemas/lead';
import type { ScenarioStatus } from '#core/schemas/scenario';
import type { Label } from '#core/schemas/common';
import { api, type Overview } from '../lib/api';
import { chart } from '../lib/chart';
import { byId, en, h } from '../lib/dom';
import { badge, date, num, pct, term } from '../lib/format';
import { funnelTiles } from '../lib/lead-view';
import { page } from '../lib/page';
import { need } from '../lib/session';

const LEVEL_COLORS = ['#b8c4d0', '#6fa8dc', '#2f74c0', '#0b3a6a'];
const LEAD_COLORS: Record<LeadStatus, string> = {
  pending: '#f0b429', accepted: '#2e9d55', declined: '#d64545', contacted: '#5fb47c', proposal: '#3f8f9e', signed: '#2f74c0', delivered: '#0b3a6a', lost: '#9aa5b1',
};
const both = (l: Label) => `${l.zh} ${l.en}`;

page(async () => {
  if (!need('bureau')) return;
  const [o, b] = await Promise.all([api.stats.overview(), api.stats.bottlenecks()]);

  const kpi = (testid: string, label: Label, value: string) =>
    h('div', { class: 'kpi', 'data-testid': testid }, h('div', { class: 'k' }, label.zh, en(label.en)), h('div', { class: 'v' }, value));
  byId('kpis').append(
    kpi('kpi-platforms', { zh: '登记平台', en: 'Platforms' }, num(o.platforms.total)),
    kpi('kpi-apps', { zh: '工业 APP', en: 'Industrial apps' }, num(o.coreElements.apps)),
    kpi('kpi-devices', { zh: '连接设备', en: 'Connected devices' }, num(o.coreElements.devices)),
    kpi('kpi-served', { zh: '服务企业', en: 'Enterprises served' }, num(o.coreElements.servedEnterprises)),
    kpi('kpi-solutions', { zh: '解决方案', en: 'Solutions' }, num(o.coreElements.solutions)),
    kpi('kpi-leads', { zh: '对接线索', en: 'Leads' }, num(o.leads.total)),
    kpi('kpi-acceptance', { zh: '线索承接率', en: 'Acceptance rate' }, pct(o.leads.acceptanceRate)),
    kpi('kpi-scenarios', { zh: '场景', en: 'Scenarios' }, num(o.scenarios.total)),
  );

  chart(byId('chart-levels'), {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: o.platforms.byCategory.map((c) => { const t = term('categories', c.category); return `${t.zh}\n${t.en}`; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: LEVELS.map((l) => ({
      name: both(LEVEL_LABELS[l]), type: 'bar' as const, stack: 'level', itemStyle: { color: LEVEL_COLORS[l] },
      data: o.platforms.byCategory.map((c) => c.byLevel[l] ?? 0),
    })),
  }, '平台类型 × 等级 Platforms by category and level');

  const leadStatuses = Object.keys(LEAD_COLORS) as LeadStatus[];
  chart(byId('chart-leads'), {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['38%', '66%'], center: ['50%', '45%'],
      label: { formatter: '{b}\n{c}' },
      data: leadStatuses.map((s) => {
        const v = o.leads.byStatus[s];
        // A zero slice has no area, so its label would float over a neighbour's.
        return { name: both(STATUS_LABELS[s]), value: v, itemStyle: { color: LEAD_COLORS[s] }, label: { show: v > 0 }, labelLine: { show: v > 0 } };
      }),
    }],
    graphic: o.leads.total ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无线索 No leads yet', fill: '#5f6f80', fontSize: 14 } }],
  }, '对接线索状态 Leads by status');

  chart(byId('chart-trend'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 48, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: o.trend.map((t) => String(t.year)) },
    yAxis: [{ type: 'value', name: '数量 count' }, { type: 'value', name: '平台 platforms', minInterval: 1 }],
    series: [
      { name: '连接设备 Devices', type: 'line', data: o.trend.map((t) => t.devices) },
      { name: '工业 APP Apps', type: 'line', data: o.trend.map((t) => t.apps) },
      { name: '服务企业 Served', type: 'line', data: o.trend.map((t) => t.servedEnterprises) },
      { name: '申报平台 Reporting', type: 'bar', yAxisIndex: 1, barMaxWidth: 28, itemStyle: { color: '#c9d6e3' }, data: o.trend.map((t) => t.platformsReporting) },
    ],
  }, '核心要素年度趋势 Core elements by reported year');

  // 成效: the funnel as tiles, then one table per breakdown (leads → accepted → signed → delivered).
  type Row = Overview['funnel']['byMonth'][number];
  const table = (testid: string, title: Label, rows: Row[], name: (key: string) => string) =>
    h('div', null, h('h3', null, title.zh, en(title.en)),
      rows.length
        ? h('div', { class: 'table-wrap' }, h('table', { 'data-testid': testid },
            h('thead', null, h('tr', null, ['', '线索 Leads', '接受 Accepted', '签约 Signed', '交付 Delivered', '合同（万元）Contract'].map((t) => h('th', { class: t ? 'num' : '' }, t)))),
            h('tbody', null, rows.map((r) => h('tr', { 'data-testid': 'funnel-row', 'data-key': r.key },
              h('td', null, name(r.key)),
              [r.leads, r.accepted, r.signed, r.delivered, r.contractWan].map((v) => h('td', { class: 'num' }, num(v))))))))
        : h('p', { class: 'muted' }, '暂无线索。', en('No leads yet.')));
  byId('funnel').append(
    funnelTiles(o.funnel.total),
    h('p', { class: 'small muted', 'data-testid': 'funnel-response' },
      `首次响应用时中位数 Median time to first response: ${o.funnel.medianFirstResponseHours === null ? '—' : `${num(o.funnel.medianFirstResponseHours)} 小时 h`} · 30 天无进展 Stale leads: ${num(o.funnel.stale)}`),
    h('div', { class: 'grid' },
      table('funnel-category', { zh: '按平台类型', en: 'By platform category' }, o.funnel.byCategory, (k) => both(term('categories', k))),
      table('funnel-district', { zh: '按区市', en: 'By district' }, o.funnel.byDistrict, (k) => k),
      table('funnel-industry', { zh: '按行业', en: 'By industry' }, o.funnel.byIndustry, (k) => `${k} ${term('industries', k).zh}`),
      table('funnel-month', { zh: '按月份', en: 'By month' }, o.funnel.byMonth, (k) => k)),
  );

  // The programme's headline result: of the platforms the city put forward, how many the province and MIIT selected.
  byId('selections').append(o.selections.length
    ? h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'selections-table' },
        h('caption', { class: 'small muted' }, '由局方按省工信厅、工业和信息化部发文登记 Recorded by the bureau from the published decisions'),
        h('thead', null, h('tr', null, ['年度 Year', '推荐 Recommended', '省级重点平台 Provincial key', '国家级 National', '未入选 Not selected'].map((t, i) => h('th', { class: i ? 'num' : '', scope: 'col' }, t)))),
        h('tbody', null, o.selections.map((y) => h('tr', { 'data-testid': 'selection-year', 'data-year': String(y.year) },
          h('th', { scope: 'row' }, String(y.year)),
          [y.recommended, y.provincial, y.national, y.notSelected].map((v) => h('td', { class: 'num' }, num(v))))))))
    : h('p', { class: 'muted' }, '尚未登记遴选结果。', en('No upstream decisions recorded yet.')));

  const counts = Object.entries(o.scenarios.byStatus) as [ScenarioStatus, number][];
  byId('scenario-status').appendChild(h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null,
    counts.map(([s, n]) => h('tr', { 'data-testid': 'scenario-count', 'data-status': s }, h('td', null, badge(s)), h('td', { class: 'num' }, num(n))))))));

  const bn = byId('bottlenecks');
  if (!b.categories.length) bn.appendChild(h('p', { class: 'muted' }, '暂无评定结果。', en('No assessments yet.')));
  for (const c of b.categories) {
    const t = term('categories', c.category);
    bn.append(
      h('h3', null, t.zh, en(t.en), ` · ${c.heldBack} / ${c.assessed} 家待提升 held back`),
      h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'bottleneck-table', 'data-category': c.category }, h('tbody', null,
        c.items.slice(0, 8).map((i) => h('tr', { 'data-testid': 'bottleneck-row' },
          h('td', null, i.label.zh, en(i.label.en)),
          h('td', { class: 'num' }, i.count),
          h('td', { style: 'width:35%' }, h('div', { class: 'meter' }, h('i', { style: `width:${Math.round(i.share * 100)}%` }))),
          h('td', { class: 'num' }, pct(i.share))))))),
    );
  }
  byId('generated').textContent = date(o.generatedAt);
});
