import { forbidden, invalid, notFound } from '#core/errors';
import type { Principal } from '#core/principal';
import {
  RESULTS_OF,
  SELECTION_LABELS,
  selectionTitle,
  selectionYears,
  type Selection,
  type SelectionBody,
  type SelectionInput,
  type SelectionYear,
} from '#core/schemas/selection';
import { getPlatform } from '#db/platforms';
import * as repo from '#db/selections';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

/** The first year the programme recommended platforms upstream; earlier years are a typo. */
const FIRST_YEAR = 2018;

/** Records what the province or MIIT decided about a platform for a year (bureau only; audited). */
export async function recordSelection(
  deps: Deps,
  who: Principal,
  platformId: string,
  rawYear: string,
  body: SelectionBody,
  input: SelectionInput,
  origin: Origin = {},
): Promise<Selection> {
  if (who.role !== 'bureau') throw forbidden();
  const now = deps.now();
  const year = Number(rawYear);
  if (!/^\d{4}$/.test(rawYear) || year < FIRST_YEAR || year > now.getUTCFullYear())
    throw invalid('year', `年度应在 ${FIRST_YEAR}–${now.getUTCFullYear()} 之间 / The year must be between ${FIRST_YEAR} and ${now.getUTCFullYear()}`);
  if (!RESULTS_OF[body].includes(input.result)) {
    const allowed = RESULTS_OF[body].map((r) => `${r} ${SELECTION_LABELS[r].zh}`).join(', ');
    throw invalid('result', `${body === 'province' ? '省级' : '国家级'}遴选结果只能是 ${allowed} / A ${body} decision is one of: ${RESULTS_OF[body].join(', ')}`);
  }
  if (input.decidedOn > now.toISOString().slice(0, 10)) throw invalid('decidedOn', '发文日期不能晚于今天 / The decision date cannot be in the future');
  const s = storeOf(deps);
  const platform = await getPlatform(s, platformId);
  if (!platform) throw notFound('平台 platform');
  const x: Selection = {
    platformId,
    platformName: platform.name,
    year,
    body,
    ...input,
    title: selectionTitle({ year, result: input.result }),
    recordedAt: nowIso(deps),
    recordedBy: who.userId,
  };
  await repo.putSelection(s, x);
  await audit(deps, { action: 'selection.recorded', actor: actorOf(who), target: platformId, details: { year, body, result: input.result, documentNo: input.documentNo } }, origin);
  return x;
}

/** Only selections are public: a 未入选 is the bureau's working knowledge, not a published decision. */
const published = (xs: Selection[]) => xs.filter((x) => x.result !== 'not_selected');

/** A platform's decisions, newest first: all of them for the bureau and the platform itself, selections for anyone else. */
export async function platformSelections(deps: Deps, who: Principal | undefined, platformId: string): Promise<Selection[]> {
  const s = storeOf(deps);
  if (!(await getPlatform(s, platformId))) throw notFound('平台 platform');
  const all = (await repo.platformSelections(s, platformId)).sort((a, b) => b.year - a.year || a.body.localeCompare(b.body));
  const insider = who?.role === 'bureau' || (who?.role === 'platform' && who.org === platformId);
  return insider ? all : published(all);
}

/** The bureau's list of a year's decisions (or every year's) with the counts per year. */
export async function listSelections(deps: Deps, who: Principal, year?: number): Promise<{ items: Selection[]; years: SelectionYear[] }> {
  if (who.role !== 'bureau') throw forbidden();
  const items = await repo.allSelections(storeOf(deps), year);
  return { items, years: selectionYears(items) };
}

/** Published titles per platform, for rows of the public 名录. */
export async function publicTitles(deps: Deps): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const x of published(await repo.allSelections(storeOf(deps))).sort((a, b) => b.year - a.year)) out.set(x.platformId, [...(out.get(x.platformId) ?? []), x.title]);
  return out;
}

export async function selectionCounts(deps: Deps): Promise<SelectionYear[]> {
  return selectionYears(await repo.allSelections(storeOf(deps)));
}
