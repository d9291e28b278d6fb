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

/**
 * A form's failure, tied to its fields: each field the API names gets aria-invalid and points at the
 * message (aria-describedby), so a screen reader reads the error with the field; the fields named
 * last time are cleared first.
 */
export function formError(form: HTMLFormElement, err: unknown) {
  clearFormErrors(form);
  const box = errorMsg(err);
  box.id = `${form.id || 'form'}-error`;
  if (err instanceof ApiError)
    for (const d of err.details) {
      const segs = d.path.split('.');
      const camel = segs.map((x, i) => (i ? x.charAt(0).toUpperCase() + x.slice(1) : x)).join('');
      const field = [d.path, camel, segs.at(-1)].map((n) => n && form.querySelector(`[name="${CSS.escape(n)}"]`)).find((x): x is Element => !!x);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', box.id);
      }
    }
  return box;
}

export function clearFormErrors(form: HTMLFormElement) {
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
}
