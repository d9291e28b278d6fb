import { APPLICATION_STATUS_LABELS, ROUND_STATUS_LABELS } from '#core/labels';
import type { Evidence } from '#core/schemas/evidence';
import type { Application, Round } from '#core/schemas/round';
import { ApiError, api, orNull } from '../lib/api';
import { byId, clear, control, en, h, say } from '../lib/dom';
import { acceptFor, evidenceKind, uploadEvidence } from '../lib/evidence-upload';
import { evidenceList } from '../lib/evidence-view';
import { badgeOf, date, eligibilityText, levelBadge } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { switchTo } from '../lib/oauth';
import { page, poll, spawn } from '../lib/page';
import { need, person, token } from '../lib/session';

const EDITABLE: ReadonlySet<Application['status']> = new Set(['draft', 'returned']);

/** The round a platform applies to: the open one, else the latest (to follow its result). */
function currentRound(rounds: readonly Round[]): Round | undefined {
  const byYear = [...rounds].sort((a, b) => b.year - a.year);
  return byYear.find((r) => r.status === 'open') ?? byYear[0];
}

function roundInfo(r: Round, platformName: string) {
  return [
    h('div', { class: 'head actions' },
      h('h2', { style: 'margin:0' }, `${r.year} 年度培优申报 `, en(`${r.year} round`)),
      badgeOf(ROUND_STATUS_LABELS, r.status, 'round-status')),
    h('p', { class: 'small muted' }, `申报期 Window: ${date(r.opensAt)} – ${date(r.closesAt)} · 评定规则 Rule set ${r.ruleSetVersion}`),
    h('p', null, '申报平台 Applying platform: ', h('b', { 'data-testid': 'round-platform' }, platformName)),
  ];
}

function applicationView(a: Application) {
  const lastReturn = [...a.history].reverse().find((x) => x.status === 'returned');
  return [
    h('div', { class: 'head actions' }, h('h2', { style: 'margin:0' }, '我的申报 ', en('My application')), badgeOf(APPLICATION_STATUS_LABELS, a.status, 'application-status')),
    a.status === 'returned'
      ? h('div', { class: 'msg info', 'data-testid': 'returned-comment' }, '补正意见 Returned for correction: ', h('b', null, a.comment ?? lastReturn?.note ?? ''))
      : null,
    a.status === 'assessed' && a.level !== undefined
      ? h('p', { 'data-testid': 'application-result' }, '评定结果 Result: ', levelBadge(a.level), ' · ', h('span', { 'data-testid': 'application-eligibility' }, a.eligibility ? eligibilityText(a.eligibility) : '—'))
      : null,
    a.status === 'submitted' ? h('p', { class: 'small muted' }, '正在按本轮年度指标评定… Being assessed on the round year’s report…') : null,
    h('p', { class: 'small muted' }, `已提交 ${a.submissions} 次 / Submitted ${a.submissions} time(s)${a.assessedAt ? ` · 评定于 assessed ${date(a.assessedAt)}` : ''}`),
  ];
}

/** An operator's people act for one platform at a time; the others are a switch away. */
async function platformPick(box: HTMLElement, current: string) {
  if (!person()) return;
  const me = await api.me();
  // An operator's acting options are the operator itself ("no platform chosen") and its platforms.
  const platforms = me.memberships.filter((m) => m.kind === 'operator').flatMap((m) => m.actAs.filter((x) => x.org !== m.orgId));
  if (platforms.length < 2) return;
  box.hidden = false;
  clear(box).append(
    h('h2', null, '本单位的平台 ', en('Your operator’s platforms')),
    h('ul', null, platforms.map((p) =>
      h('li', { 'data-testid': 'operator-platform', 'data-id': p.org },
        p.label, ' ',
        p.org === current
          ? h('span', { class: 'badge' }, '当前 current')
          : h('button', { type: 'button', class: 'ghost', onclick: () => spawn(switchTo(p.org, token(), '/p/round')) }, '切换并申报 ', en('Switch to apply'))))),
  );
}

page(async () => {
  const who = need('platform');
  if (!who?.org) return;
  const pid = who.org;
  const info = byId('round-info');
  const card = byId('application-card');
  const box = byId('application');
  const applyBtn = byId('apply', HTMLButtonElement);
  const submitBtn = byId('submit-application', HTMLButtonElement);
  const note = byId('application-msg');
  const evCard = byId('evidence-card');
  const evList = byId('evidence-list');
  const form = byId('evidence-form', HTMLFormElement);
  const kind = control(form, 'kind', HTMLSelectElement);
  const file = control(form, 'file', HTMLInputElement);
  const evNote = byId('evidence-msg');

  const platform = await orNull(api.platforms.get(pid));
  if (!platform) {
    info.append(msg('info', '请先登记平台。 Register the platform first.', 'need-profile'), h('a', { href: '/p/profile' }, '去登记 Register →'));
    return;
  }
  const round = currentRound((await api.rounds.list()).items);
  if (!round) {
    info.appendChild(h('p', { class: 'muted', 'data-testid': 'no-round' }, '市工信局尚未发布年度申报。', en('The bureau has not announced a round yet.')));
    return;
  }
  info.append(...roundInfo(round, platform.name));
  await platformPick(byId('platform-pick'), pid);

  let app: Application | null = (await api.rounds.applications(round.id)).items[0] ?? null;
  const open = round.status === 'open';

  async function render() {
    card.hidden = false;
    applyBtn.hidden = !!app || !open;
    submitBtn.hidden = !app || !open || !EDITABLE.has(app.status);
    clear(box);
    if (!app) {
      box.appendChild(h('p', { 'data-testid': 'application-none' }, open ? '尚未申报本轮。 Not applied yet.' : '本轮申报已截止，贵平台未申报。 The window has closed; no application.'));
      evCard.hidden = true;
      return;
    }
    const a = app;
    const editable = open && EDITABLE.has(a.status);
    box.appendChild(h('div', null, applicationView(a)));
    evCard.hidden = false;
    form.hidden = !editable;
    say(evList, evidenceList((await api.applications.evidence(a.id)).items, editable ? (e) => spawn(withdraw(a, e)) : undefined));
  }

  async function withdraw(a: Application, e: Evidence) {
    try {
      await api.applications.withdrawEvidence(a.id, e.id);
      await render();
      say(evNote, msg('ok', `已撤回：${e.fileName} / Withdrawn`, 'evidence-withdrawn'));
    } catch (err) {
      say(evNote, errorMsg(err));
    }
  }

  /** Why a submission was refused; with the link to file the year's report when that is missing. */
  async function refused(err: unknown, year: number) {
    say(note, errorMsg(err));
    if (!(err instanceof ApiError) || err.status !== 409) return;
    const years = (await api.platforms.reportedYears(pid)).items.map((y) => y.year);
    if (!years.includes(year)) note.appendChild(h('a', { href: '/p/indicators', 'data-testid': 'go-indicators' }, `去填报 ${year} 年度指标 `, en(`Report the ${year} indicators →`)));
  }

  applyBtn.addEventListener('click', () => spawn((async () => {
    try {
      app = await api.rounds.apply(round.id, pid);
      say(note, msg('ok', '已创建申报，请上传材料后提交。 Application created; upload evidence, then submit.', 'applied'));
    } catch (err) {
      say(note, errorMsg(err));
    }
    await render();
  })()));

  submitBtn.addEventListener('click', () => spawn((async () => {
    if (!app) return;
    submitBtn.disabled = true;
    try {
      app = await api.applications.submit(app.id);
      await render();
      say(note, msg('info', '已提交，正在评定… Submitted; assessing…', 'submitted'));
      const id = app.id;
      const done = await poll(async () => {
        const a = await api.applications.get(id);
        return a.status !== 'submitted' ? a : null;
      }, 1000, 60_000);
      if (done) {
        app = done;
        await render();
        say(note, msg('ok', '评定完成。 Assessed.', 'application-assessed'));
      } else say(note, msg('info', '评定仍在进行，请稍后刷新。 Still assessing; reload later.', 'application-pending'));
    } catch (err) {
      await refused(err, round.year);
    } finally {
      submitBtn.disabled = false;
    }
  })()));

  const syncAccept = () => (file.accept = acceptFor(evidenceKind(kind.value)));
  kind.addEventListener('change', syncAccept);
  syncAccept();
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const chosen = file.files?.[0];
      if (!app || !chosen) return;
      const btn = form.querySelector('button[type=submit]') as HTMLButtonElement;
      btn.disabled = true;
      try {
        const e = await uploadEvidence(app.id, evidenceKind(kind.value), chosen);
        form.reset();
        syncAccept();
        await render();
        say(evNote, e.status === 'verified'
          ? msg('ok', `已上传并校验：${e.fileName} / Uploaded and verified`, 'evidence-ok')
          : msg('err', `${e.fileName}：${e.problem ?? e.status}`, 'evidence-problem'));
      } catch (err) {
        say(evNote, errorMsg(err));
      } finally {
        btn.disabled = false;
      }
    })());
  });

  await render();
});
