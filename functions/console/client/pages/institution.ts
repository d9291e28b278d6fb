import type { Diagnosis, DiagnosisReportInput } from '#core/schemas/diagnosis';
import { api } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { errorMsg, formError, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

type Finding = DiagnosisReportInput['findings'][number];

// 第十四条: a third-party institution files the on-site diagnosis reports the bureau assigned to it.

page(async () => {
  if (!need('institution')) return;
  const list = byId('diagnosis-list');
  const note = byId('diagnosis-msg');
  const dimensions = byId('dimension-options', HTMLTemplateElement);

  function reportForm(d: Diagnosis) {
    const id = (k: string) => `${k}-${d.id}`;
    const dim = h('select', { id: id('dim'), name: 'dimension', 'data-testid': 'finding-dimension' });
    dim.append(dimensions.content.cloneNode(true));
    const form = h('form', { class: 'stack', id: id('report'), 'data-testid': 'report-form' },
      h('div', { class: 'field' }, h('label', { for: id('on') }, '现场诊断日期 ', en('Visited on')), h('input', { id: id('on'), name: 'visitedOn', type: 'date', required: true, 'data-testid': 'report-visited' })),
      h('div', { class: 'field' }, h('label', { for: id('sum') }, '诊断结论 ', en('Summary')), h('textarea', { id: id('sum'), name: 'summary', rows: 3, required: true, maxlength: 4000, 'data-testid': 'report-summary' })),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: id('dim') }, '维度 ', en('Dimension')), dim),
        h('div', { class: 'field' }, h('label', { for: id('sev') }, '严重程度 ', en('Severity')),
          h('select', { id: id('sev'), name: 'severity', 'data-testid': 'finding-severity' }, h('option', { value: 'high' }, '高 High'), h('option', { value: 'medium' }, '中 Medium'), h('option', { value: 'low' }, '低 Low')))),
      h('div', { class: 'field' }, h('label', { for: id('fnd') }, '发现的问题 ', en('Finding')), h('textarea', { id: id('fnd'), name: 'finding', rows: 2, required: true, maxlength: 2000, 'data-testid': 'finding-text' })),
      h('div', { class: 'field' }, h('label', { for: id('rec') }, '改进建议（每行一条） ', en('Recommendations, one per line')), h('textarea', { id: id('rec'), name: 'recommendations', rows: 3, required: true, 'data-testid': 'report-recommendations' })),
      h('button', { type: 'submit', 'data-testid': 'report-submit' }, '提交报告 ', en('File the report')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      spawn((async () => {
        try {
          await api.diagnoses.report(d.id, {
            visitedOn: v('visitedOn'),
            summary: v('summary'),
            findings: [{ dimension: v('dimension') as Finding['dimension'], finding: v('finding'), severity: v('severity') as Finding['severity'] }],
            recommendations: v('recommendations').split('\n').map((x) => x.trim()).filter(Boolean),
          });
          say(note, msg('ok', '报告已提交，平台可在其画像旁看到。 Filed; the platform sees it beside its gaps.', 'report-filed'));
          await load();
        } catch (err) {
          say(note, formError(form, err));
        }
      })());
    });
    return form;
  }

  async function load() {
    const { items } = await api.diagnoses.mine();
    clear(list);
    if (!items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'diagnosis-empty' }, '暂无受托的诊断。', en('Nothing assigned to you yet.')));
    for (const d of items)
      list.appendChild(h('div', { class: 'item', 'data-testid': 'diagnosis-item', 'data-id': d.id, 'data-status': d.status },
        h('h3', null, `平台 ${d.platformId}`),
        h('p', { class: 'small muted' }, `委托 ${d.commissionedAt.slice(0, 10)} · ${d.scope}`),
        d.status === 'commissioned' ? reportForm(d) : h('p', { 'data-testid': 'diagnosis-reported' }, `已提交 Filed ${d.reportedAt?.slice(0, 10) ?? ''}：${d.report?.summary ?? ''}`)));
  }
  try {
    await load();
  } catch (err) {
    say(note, errorMsg(err));
  }
});
