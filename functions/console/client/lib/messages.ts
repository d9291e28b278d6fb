import { ApiError } from './api';
import { en, h } from './dom';
import { signInHref } from './session';

export type MsgKind = 'ok' | 'err' | 'info';

/** A status line; messages are "zh / en" or "zh。 en" strings, shown as they are. */
export function msg(kind: MsgKind, text: string, testid = `msg-${kind}`) {
  return h('div', { class: `msg ${kind}`, role: kind === 'err' ? 'alert' : 'status', 'data-testid': testid }, text);
}

/** Splits the API's "zh / en" message so the English half is styled as on every label. */
function bilingual(message: string) {
  const i = message.indexOf(' / ');
  return i < 0 ? [message] : [message.slice(0, i), en(message.slice(i + 3))];
}

/** Any failure as the user should see it: the API's zh/en message and field details. */
export function errorMsg(err: unknown) {
  const box = h('div', { class: 'msg err', role: 'alert', 'data-testid': 'error' }, bilingual(err instanceof Error ? err.message : String(err)));
  if (err instanceof ApiError) {
    if (err.details.length) box.appendChild(h('ul', null, err.details.map((d) => h('li', null, `${d.path ? `${d.path}: ` : ''}${d.message}`))));
    if (err.status === 401) box.appendChild(h('div', null, h('a', { href: signInHref() }, '重新登录 Sign in again')));
  }
  return box;
}
