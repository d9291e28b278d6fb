import { ROLE_LABELS } from '#core/labels';
import type { Role } from '#core/principal';
import { ROLE_HOME } from '../../shared/nav';
import { api } from '../lib/api';
import type { DevTokenInput } from '../../pages/dev-token';
import { byId, control, say } from '../lib/dom';
import { errorMsg, msg } from '../lib/messages';
import { startCodeSignIn } from '../lib/oauth';
import { page, spawn } from '../lib/page';
import { claims, setToken, signOut, token } from '../lib/session';

page(() => {
  const next = new URLSearchParams(location.search).get('next');
  // Only same-site paths: a crafted ?next= must not send the token holder elsewhere.
  const safeNext = next && /^\/(?!\/)/.test(next) ? next : null;
  const status = byId('current');

  function showCurrent() {
    const c = claims();
    if (!c) return say(status, msg('info', '尚未登录。 Not signed in.', 'signed-out'));
    const r = ROLE_LABELS[c.role];
    const org = c.org ? ` · ${c.org}` : '';
    say(status, msg('ok', `已登录：${r.zh}${org} / Signed in as ${r.en}${org}`, 'signed-in'));
  }
  function done() {
    const c = claims();
    showCurrent();
    location.href = safeNext ?? (c ? ROLE_HOME[c.role] : '/');
  }
  showCurrent();

  byId('code-sign-in-btn').addEventListener('click', () => spawn(startCodeSignIn(safeNext)));

  // Pasting a token is for service tokens in the local and test stages only.
  const tokenForm = document.getElementById('token-form');
  if (tokenForm instanceof HTMLFormElement) tokenForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const prev = token();
    setToken(control(tokenForm, 'token').value);
    if (!claims()) {
      if (prev) setToken(prev);
      else signOut();
      say(byId('token-msg'), msg('err', '令牌格式无效或已过期 / The token is malformed or expired', 'error'));
      return;
    }
    done();
  });

  const devForm = document.getElementById('dev-form');
  if (devForm instanceof HTMLFormElement) {
    const role = control(devForm, 'role', HTMLSelectElement);
    const org = control(devForm, 'org', HTMLInputElement);
    const syncOrg = () => {
      org.disabled = role.value === 'bureau';
      org.placeholder = role.value === 'platform' ? 'plt_demo' : role.value === 'manufacturer' ? 'ent_demo' : role.value === 'expert' ? 'exp_…' : role.value === 'district' ? '黄岛区' : '—';
    };
    role.addEventListener('change', syncOrg);
    syncOrg();
    devForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const r = role.value as Role;
      const sub = control(devForm, 'sub').value.trim();
      try {
        const res = await api.devToken({
          role: r,
          ...(r === 'bureau' ? {} : r === 'district' ? { district: (org.value.trim() || org.placeholder) as DevTokenInput['district'] } : { org: org.value.trim() || org.placeholder }),
          ...(sub ? { sub } : {}),
        });
        setToken(res.token);
        done();
      } catch (err) {
        say(byId('dev-msg'), errorMsg(err));
      }
    });
  }

  document.getElementById('sign-out-btn')?.addEventListener('click', () => {
    signOut();
    showCurrent();
    location.reload();
  });
});
