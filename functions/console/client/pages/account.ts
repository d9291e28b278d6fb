import type { Scope } from '#core/accounts/api-key';
import type { Me, MemberRole } from '#core/schemas/account';
import { api } from '../lib/api';
import { byId, clear, control, en, h, say, setBusy, val } from '../lib/dom';
import { errorMsg, msg } from '../lib/messages';
import { switchTo } from '../lib/oauth';
import { page, spawn } from '../lib/page';
import { claims, person, signInHref, token } from '../lib/session';

page(async () => {
  if (!person()) {
    location.href = signInHref();
    return;
  }
  const me = await api.me();
  const current = claims()?.org;
  byId('me-contact').textContent = `${me.user.contact} · ${me.user.id}`;
  renderInvitations(me);
  renderActing(me, current);
  wireOrgForm();
  const mine = me.memberships.find((m) => m.actAs.some((a) => a.org === current));
  if (mine?.role === 'admin') await renderAdmin(mine.orgId);
});

const act = (org: string) => spawn(switchTo(org, token(), null));

function renderInvitations(me: Me) {
  const box = clear(byId('invitations'));
  for (const inv of me.invitations)
    box.appendChild(
      h('div', { class: 'msg info', 'data-testid': 'invitation', 'data-id': inv.id },
        `「${inv.orgName}」邀请您加入（${inv.role === 'admin' ? '管理员' : '成员'}） `, en(`${inv.orgName} invited you`), ' ',
        h('button', { type: 'button', 'data-testid': 'invitation-accept', onclick: () => spawn(api.invitations.accept(inv.id).then(() => act(inv.orgId))) }, '接受 ', en('Accept'))),
    );
}

/** The platform switcher: every organisation and, for operators, every platform one may act for. */
function renderActing(me: Me, current: string | undefined) {
  const box = clear(byId('acting'));
  if (!me.memberships.length && !me.experts.length) box.appendChild(msg('info', '尚未加入任何组织：请登记新组织或接受邀请。 You belong to no organisation yet: register one or accept an invitation.', 'no-membership'));
  for (const m of me.memberships)
    for (const a of m.actAs)
      box.appendChild(
        h('div', { class: 'row', 'data-testid': 'act-as', 'data-org': a.org },
          h('span', null, a.label, ' ', h('code', null, a.org), m.role === 'admin' ? en('admin') : null),
          a.org === current
            ? h('b', { 'data-testid': 'acting-current' }, '当前 ', en('Current'))
            : h('button', { type: 'button', 'data-testid': 'act-as-button', onclick: () => act(a.org) }, '切换 ', en('Switch'))),
      );
  // The bureau registered this person's contact as a reviewing expert: act as that expert.
  for (const x of me.experts)
    box.appendChild(
      h('div', { class: 'row', 'data-testid': 'act-as-expert', 'data-expert': x.expertId },
        h('span', null, `评审专家 ${x.name}（${x.affiliation}） `, en('Reviewing expert'), ' ', h('code', null, x.expertId)),
        claims()?.sub === x.expertId
          ? h('b', { 'data-testid': 'acting-current' }, '当前 ', en('Current'))
          : h('button', { type: 'button', 'data-testid': 'act-as-expert-button', onclick: () => spawn(switchTo({ expert: x.expertId }, token(), '/e/reviews')) }, '切换 ', en('Switch'))),
    );
}

function wireOrgForm() {
  const form = byId('org-form', HTMLFormElement);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    setBusy(form, true);
    const kind = control(form, 'kind', HTMLSelectElement).value as 'enterprise' | 'operator';
    spawn(
      api.organisations
        .create({ kind, name: val(form, 'name'), creditCode: val(form, 'creditCode') })
        .then((org) => {
          say(byId('org-msg'), msg('ok', `已登记 ${org.name} / Registered`, 'org-created'));
          act(org.id);
        })
        .catch((err) => say(byId('org-msg'), errorMsg(err)))
        .finally(() => setBusy(form, false)),
    );
  });
}

async function renderAdmin(orgId: string) {
  byId('org-admin').hidden = false;
  const membersBody = byId('members-body');
  const drawMembers = async () => {
    clear(membersBody);
    for (const m of (await api.organisations.members(orgId)).items) {
      const role = h('select', { 'data-testid': 'member-role', onchange: (ev) => spawn(api.organisations.setRole(orgId, m.userId, (ev.target as HTMLSelectElement).value as MemberRole).then(drawMembers)) },
        h('option', { value: 'member', selected: m.role === 'member' }, '成员 Member'),
        h('option', { value: 'admin', selected: m.role === 'admin' }, '管理员 Admin'));
      membersBody.appendChild(h('tr', { 'data-testid': 'member-row', 'data-user': m.userId },
        h('td', null, m.contact), h('td', null, role),
        h('td', null, h('button', { type: 'button', class: 'ghost', 'data-testid': 'member-remove', onclick: () => spawn(api.organisations.remove(orgId, m.userId).then(drawMembers)) }, '移除 ', en('Remove')))));
    }
  };
  const inviteForm = byId('invite-form', HTMLFormElement);
  inviteForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn(
      api.organisations
        .invite(orgId, { contact: val(inviteForm, 'contact'), role: control(inviteForm, 'role', HTMLSelectElement).value as MemberRole, noticeVersion: val(inviteForm, 'noticeVersion') })
        .then((inv) => say(byId('invite-msg'), msg('ok', `已邀请 ${inv.contact} / Invited`, 'invited')))
        .catch((err) => say(byId('invite-msg'), errorMsg(err))),
    );
  });
  const keysBody = byId('keys-body');
  const drawKeys = async () => {
    clear(keysBody);
    for (const k of (await api.apiKeys.list()).items)
      keysBody.appendChild(h('tr', { 'data-testid': 'key-row', 'data-id': k.id },
        h('td', null, k.name), h('td', null, k.scopes.join(' ')), h('td', { class: 'small muted' }, k.revokedAt ? `已撤销 revoked ${k.revokedAt}` : `最近使用 last used ${k.lastUsedAt ?? '—'}`),
        h('td', null, k.revokedAt ? null : h('button', { type: 'button', class: 'ghost', 'data-testid': 'key-revoke', onclick: () => spawn(api.apiKeys.revoke(k.id).then(drawKeys)) }, '撤销 ', en('Revoke')))));
  };
  const keyForm = byId('key-form', HTMLFormElement);
  keyForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const scopes = [...keyForm.querySelectorAll<HTMLInputElement>('input[name=scope]:checked')].map((i) => i.value as Scope);
    spawn(
      api.apiKeys
        .create(val(keyForm, 'name'), scopes)
        .then((k) => {
          // Shown once: the service keeps only its hash.
          say(byId('key-msg'), h('div', { class: 'msg ok', 'data-testid': 'key-created' }, '请立即保存，此密钥只显示一次： ', en('Copy it now; it is shown once: '), h('code', { 'data-testid': 'key-value' }, k.key)));
          return drawKeys();
        })
        .catch((err) => say(byId('key-msg'), errorMsg(err))),
    );
  });
  await Promise.all([drawMembers(), drawKeys()]);
}
