import type { DeletionReport, PersonalData } from '#core/schemas/personal-data';
import { ApiError, api } from '../lib/api';
import { byId, clear, control, en, h, saveFile, say, val } from '../lib/dom';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { person, signOut } from '../lib/session';

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One kind of record as a readable table: a row per record, a column per field. */
function section(s: PersonalData['sections'][number]) {
  const cols = [...new Set(s.items.flatMap((i) => Object.keys(i)))];
  return h('div', { class: 'item', 'data-testid': 'md-section', 'data-kind': s.kind },
    h('div', { class: 'head' }, h('span', { class: 'title' }, s.label.zh, en(s.label.en)), h('span', { class: 'small muted', 'data-testid': 'md-count' }, `${s.items.length} 条 / records`)),
    s.retention ? h('div', { class: 'small muted' }, `保存期限 ${s.retention.zh}`, en(`Kept: ${s.retention.en}`)) : null,
    s.items.length
      ? h('div', { class: 'table-wrap' }, h('table', null,
          h('thead', null, h('tr', null, cols.map((c) => h('th', null, c)))),
          h('tbody', null, s.items.map((i) => h('tr', null, cols.map((c) => h('td', { class: 'small' }, cell(i[c]))))))))
      : null);
}

function report(r: DeletionReport) {
  const word = { deleted: '已删除 deleted', anonymised: '已匿名化 anonymised', kept: '保留 kept', none: '无 none' } as const;
  return h('div', { 'data-testid': 'md-report' },
    msg('ok', '已处理您的删除申请。 Your deletion request is done.', 'md-deleted'),
    h('ul', null, r.items.map((i) =>
      h('li', { 'data-testid': 'md-report-item', 'data-kind': i.kind, 'data-outcome': i.outcome },
        `${i.label.zh}：${word[i.outcome]}（${i.count}）`, en(i.label.en),
        i.reason ? h('div', { class: 'small muted' }, i.reason.zh, en(i.reason.en)) : null))));
}

function download(data: PersonalData) {
  saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `my-data-${data.generatedAt.slice(0, 10)}.json`);
}

function showData(box: HTMLElement, data: PersonalData) {
  clear(box).append(...data.sections.map(section));
}

page(async () => {
  const account = byId('md-account');
  const note = byId('md-msg');
  if (person()) {
    try {
      const data = await api.myData.get();
      account.hidden = false;
      byId('md-subject').textContent = `${data.subject.contact} · ${data.generatedAt}`;
      showData(byId('md-sections'), data);
      byId('md-export').addEventListener('click', () => spawn(api.myData.get().then(download)));
      byId('md-delete').addEventListener('click', () => spawn((async () => {
        if (!byId('md-confirm', HTMLInputElement).checked) return say(note, msg('err', '请先勾选确认。 Tick the box first.', 'error'));
        try {
          const r = await api.myData.delete();
          signOut();
          clear(byId('md-sections'));
          say(note, report(r));
        } catch (err) {
          say(note, errorMsg(err));
        }
      })()));
    } catch (err) {
      // A service token has no person behind it: only the request by contact applies.
      if (!(err instanceof ApiError && err.status === 403)) throw err;
    }
  }

  const ask = byId('md-request-form', HTMLFormElement);
  const confirm = byId('md-confirm-form', HTMLFormElement);
  const result = byId('md-result');
  let requestId = '';
  ask.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        const r = await api.myData.ask({ contact: val(ask, 'contact'), noticeVersion: val(ask, 'noticeVersion') });
        requestId = r.id;
        confirm.hidden = false;
        say(byId('md-request-msg'), msg('ok', `验证码已发送至 ${r.sentTo}，10 分钟内有效。 A code was sent to ${r.sentTo}; it works for 10 minutes.`, 'md-code-sent'));
      } catch (err) {
        say(byId('md-request-msg'), errorMsg(err));
      }
    })());
  });
  confirm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        const r = await api.myData.confirm(requestId, { code: val(confirm, 'code'), action: control(confirm, 'action', HTMLSelectElement).value === 'delete' ? 'delete' : 'export' });
        clear(result);
        if (r.export) {
          const box = h('div');
          showData(box, r.export);
          const exportData = r.export;
          result.append(h('button', { type: 'button', 'data-testid': 'md-request-export', onclick: () => download(exportData) }, '导出 JSON ', en('Export (JSON)')), box);
        }
        if (r.deletion) result.appendChild(report(r.deletion));
      } catch (err) {
        say(result, errorMsg(err));
      }
    })());
  });
});
