import { LEVEL_LABELS, STATUS_LABELS, type Status } from '#core/labels';
import type { Eligibility, Level } from '#core/maturity/assess';
import type { Label } from '#core/schemas/common';
import { TAXONOMY, type Code, type TermKind } from '#core/terms';
import { h } from './dom';

export const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
export const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
export const score100 = (x: number) => (x * 100).toFixed(1);
export const yesNo = (v: boolean) => (v ? '是 yes' : '否 no');

export function badge(status: Status, testid = 'status') {
  return badgeOf(STATUS_LABELS, status, testid);
}

/** A status badge from one enumeration's own labels (a round's 'closed' is not a scenario's). */
export function badgeOf<S extends string>(labels: Record<S, Label>, status: S, testid = 'status') {
  const l = labels[status];
  return h('span', { class: `badge ${status}`, 'data-testid': testid, 'data-status': status }, `${l.zh} ${l.en}`);
}

/** What an assessment makes a platform eligible for, highest first. */
export function eligibilityText(e: Eligibility): string {
  if (e.nationalRecommendation) return `国家级推荐 National (${e.nationalTrack})`;
  if (e.provincialRecommendation) return '省级重点推荐 Provincial';
  return e.cityDirectory ? '市级培优 City' : '未入名录 Not eligible';
}

export function levelBadge(level: number) {
  const l: Label = LEVEL_LABELS[level as Level] ?? { zh: String(level), en: String(level) };
  return h('span', { class: `badge l${level}`, 'data-testid': 'level', 'data-level': level }, `${l.zh} ${l.en}`);
}

const INDEX = Object.fromEntries(
  Object.entries(TAXONOMY).map(([kind, terms]) => [kind, new Map<string, Label>(terms.map((t) => [t.code, t]))]),
) as Record<TermKind, Map<string, Label>>;

/** Labels of a taxonomy code; the code itself when unknown, so a label never disappears. */
export const term = (kind: TermKind, code: string): Label => INDEX[kind].get(code) ?? { zh: code, en: code };
/** zh labels of a list of codes, joined the Chinese way. */
export const terms = (kind: TermKind, codes: readonly string[] | undefined) => (codes ?? []).map((c) => term(kind, c).zh).join('、') || '—';

export const isCode = <K extends TermKind>(kind: K, v: string): v is Code<K> => INDEX[kind].has(v);
