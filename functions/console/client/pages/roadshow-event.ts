import { rsApi, type RsInvitation } from '../lib/api';
import { byId, clear, en, h, saveFile, say, setBusy } from '../lib/dom';
import { badge, num } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page } from '../lib/page';
import { need } from '../lib/session';
import { agendaTable, bj, headView, statusChip } from '../lib/roadshow-view';

// The bureau's event page: /b/roadshows/<id>.

const id = decodeURIComponent(location.pathname.split('/')[3] ?? '');

page(async () => {
  if (!need('bureau', 'district')) return;
  const head = byId('rs-head');
  const actions = byId('rs-actions');
  const note = byId('rs-msg');
  const agendaBox = byId('rs-agenda');
  const regs = byId('rs-registrations');
  const reportBox = byId('rs-report');

  async function load() {
    const r = await rsApi.get(id);
    const invs: RsInvitation[] = r.status === 'composing' || r.status === 'composed' ? [] : (await rsApi.invitations(id)).items;
    const inv = (scenarioId: string, party: string, orgId: string) => invs.find((i) => i.scenarioId === scenarioId && i.party === party && i.orgId === orgId);
    clear(head).append(h('div', null, headView(r), h('p', null, badge(r.status, 'rs-status')), r.status !== 'composing' && r.status !== 'composed'
      ? h('p', { class: 'small' }, h('a', { href: `/roadshows/${encodeURIComponent(id)}`, 'data-testid': 'rs-public-link' }, '公开报名页 ', en('Public page')), ' · ', h('a', { href: `/roadshows/${encodeURIComponent(id)}/print`, 'data-testid': 'rs-print-link' }, '会议手册 ', en('Handbook (A4)')))
      : null,
      r.optimal === false ? h('p', { class: 'small muted', 'data-testid': 'rs-gap' }, `近似解：得分 ${num(r.totalScore)}，上界 ${num(r.scoreUpperBound)}`, en('Not proven optimal; gap shown')) : null));

    clear(actions);
    const act = (label: string, enLabel: string, testid: string, run: () => Promise<string>) =>
      h('button', { type: 'button', 'data-testid': testid, onclick: async () => {
        setBusy(actions, true);
        try {
          say(note, msg('ok', await run(), `${testid}-done`));
          await load();
        } catch (err) {
          say(note, errorMsg(err));
        } finally {
          setBusy(actions, false);
        }
      } }, label, en(enLabel));
    if (r.status === 'composed') actions.append(act('发布并邀请', 'Publish and invite', 'rs-publish', async () => `已发布，发出 ${(await rsApi.publish(id)).invitations} 份邀请。 Published.`));
    if (r.status === 'published') {
      actions.append(act('重新编排', 'Re-compose', 'rs-recompose', async () => {
        const x = await rsApi.recompose(id);
        return `已重新编排：补位 ${x.addedPlatforms} 家平台，新增 ${x.addedScenarios} 个场景，通知 ${x.notified} 方。 Re-composed.`;
      }));
      actions.append(act('结束活动', 'Close the event', 'rs-close', async () => `已结束，生成 ${(await rsApi.close(id)).metPairs.length} 条对接线索。 Closed.`));
    }
    if (r.status === 'closed') actions.append(act('出成效报告', 'Finish the report', 'rs-finish-report', async () => (await rsApi.finishReport(id), '报告已定格。 Report finished.')));

    clear(agendaBox);
    if (r.status === 'composing') agendaBox.append(h('p', { class: 'muted' }, '正在编排议程… Composing…'));
    else agendaBox.append(agendaTable(r.agenda, {
      breaks: r.breaks,
      presenter: (a) => {
        const m = inv(a.scenarioId, 'manufacturer', (a as { ownerOrg?: string }).ownerOrg ?? '');
        return h('span', null, (a as { enterpriseName?: string }).enterpriseName ?? '', ' ', m ? statusChip(m.status) : '');
      },
      platformCell: (a, p) => {
        const i = inv(a.scenarioId, 'platform', p.platformId);
        return i ? statusChip(i.status) : '';
      },
    }));

    if (r.status !== 'composing' && r.status !== 'composed') {
      const list = (await rsApi.registrations(id)).items;
      clear(regs).append(h('div', null, h('p', { 'data-testid': 'rs-reg-count' }, `报名 ${list.filter((x) => !x.waitlisted).length} / ${r.capacity ?? '—'}，候补 ${list.filter((x) => x.waitlisted).length}，已签到 ${list.filter((x) => x.checkedInAt).length}`),
        list.length ? h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null, list.map((x) =>
          h('tr', { 'data-testid': 'rs-reg-row', 'data-checked-in': x.checkedInAt ? 'true' : 'false' }, h('td', null, x.name), h('td', null, x.enterprise), h('td', null, x.contact), h('td', null, x.waitlisted ? '候补' : ''), h('td', null, x.checkedInAt ? `✓ ${bj(x.checkedInAt)}` : '')))))) : null));
      const rep = await rsApi.report(id);
      const fig = (zh: string, e: string, v: string | number, testid: string) => h('div', { 'data-testid': testid }, h('div', { class: 'small' }, zh, en(e)), h('div', { class: 'v' }, String(v)));
      clear(reportBox).append(h('div', { class: 'rs-figures' },
        fig('邀请', 'Invited', rep.invited, 'rep-invited'), fig('已回复', 'Replied', rep.replied, 'rep-replied'), fig('接受', 'Accepted', rep.accepted, 'rep-accepted'),
        fig('观众报名', 'Registered', rep.registered, 'rep-registered'), fig('观众签到', 'Checked in', rep.checkedIn, 'rep-checked-in'), fig('受邀方到场', 'Invitees present', rep.attended, 'rep-attended'),
        fig('线索', 'Leads', rep.leads, 'rep-leads'), fig('平台接受', 'Leads accepted', rep.leadsAccepted, 'rep-leads-accepted'), fig('签约', 'Signed', rep.signed, 'rep-signed'),
        fig('合同金额（万元）', 'Contract value', num(rep.contractValueWan), 'rep-contract'), fig('评价中位数', 'Median rating', rep.medianRating ?? '—', 'rep-rating')));
    }
  }

  const form = byId('rs-checkin-form', HTMLFormElement);
  const result = byId('rs-checkin-result');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = form.elements.namedItem('checkInCode') as HTMLInputElement;
    try {
      const x = await rsApi.checkIn(id, input.value.trim());
      say(result, h('div', { class: 'msg ok', 'data-testid': 'rs-checked-in', 'data-kind': x.kind }, `✓ ${x.name} 已签到 ${bj(x.checkedInAt)}${x.waitlisted ? '（候补）' : ''} · 共 ${x.checkedIn} 人`, en('checked in')));
      input.value = '';
      input.focus();
      await load();
    } catch (err) {
      say(result, errorMsg(err));
    }
  });
  byId('rs-export').addEventListener('click', async () => {
    try {
      saveFile(await rsApi.exportXlsx(id), `roadshow-${id}-checkin.xlsx`);
    } catch (err) {
      say(note, errorMsg(err));
    }
  });
  await load();
});
