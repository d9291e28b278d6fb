import type { Label } from '#core/schemas/common';
import type { PageData } from '../../shared/page-data';

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = { [name: string]: AttrValue | ((ev: Event) => void) };

function append(el: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c as readonly Child[]) append(el, x);
    return;
  }
  el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
}

/** Builds DOM nodes; text always goes in as text, so data from the API cannot inject markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') (el as unknown as Record<string, boolean>)[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  // A table that scrolls sideways on a phone must be scrollable from the keyboard too (WCAG 2.1.1).
  if (el.classList.contains('table-wrap') && !el.hasAttribute('tabindex')) el.tabIndex = 0;
  for (const c of children) append(el, c);
  return el;
}

/** A zh-CN label with its English beside it, the convention of every page. */
export const bi = (l: Label, tag: 'span' | 'h2' | 'h3' | 'p' | 'div' = 'span') => h(tag, null, l.zh, h('span', { class: 'en' }, l.en));
/** Just the English half, for appending after zh text. */
export const en = (text: string) => h('span', { class: 'en' }, text);

/** An element the server rendered, checked for its type: a renamed id fails loudly, not as `null.x`. */
export function byId<T extends HTMLElement = HTMLElement>(id: string, type?: { new (): T }): T {
  const el = document.getElementById(id);
  if (!el || (type && !(el instanceof type))) throw new Error(`page element #${id} missing or of the wrong kind`);
  return el as T;
}

export function clear<T extends Element>(el: T): T {
  el.replaceChildren();
  return el;
}

/** Shows a node in a slot element, replacing whatever was there. */
export function say(slot: Element, node: Node | null): void {
  if (node) slot.replaceChildren(node);
  else slot.replaceChildren();
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A form control by name; the server renders the form, so a missing name is a bug worth a throw. */
export function control<T extends Control = Control>(form: HTMLFormElement, name: string, type?: { new (): T }): T {
  const el = form.elements.namedItem(name);
  const ok = type ? el instanceof type : el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
  if (!ok) throw new Error(`form control "${name}" missing or of the wrong kind`);
  return el as T;
}
export const val = (form: HTMLFormElement, name: string) => control(form, name).value.trim();

/** Server data the page embedded with <Data id=…>. */
export function readData<K extends keyof PageData>(id: K): PageData[K] {
  return JSON.parse(byId(id).textContent ?? 'null') as PageData[K];
}

/** Every button inside root, enabled or not (a card's actions while a request runs). */
export function setBusy(root: ParentNode, busy: boolean): void {
  root.querySelectorAll('button').forEach((b) => (b.disabled = busy));
}

/** Hands a file the page fetched (an export behind the token) to the browser's downloads. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
