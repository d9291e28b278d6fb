import { allRoadshows } from '#db/roadshows';
import { eventFigures } from './roadshow-events';
import type { RoadshowReport } from '#core/schemas/roadshow-event';
import { AppError, notFound } from '#core/errors';
import type { SelectionYear } from '#core/schemas/selection';
import { selectionCounts } from './selections';
import type { Assessment } from '#core/maturity/assess';
import type { Principal } from '#core/principal';
import { bottlenecks, type CategoryBottlenecks } from '#core/portrait/bottlenecks';
import { dataQualityWarnings, type DataQualityWarning } from '#core/portrait/data-quality';
import { platformPortrait, type Portrait, type PortraitSnapshot } from '#core/portrait/portrait';
import { funnel, funnelBy, medianFirstResponseHours, wasAccepted, type FunnelCounts, type FunnelRow, type FunnelView } from '#core/funnel';
import { LeadStatus, type Lead } from '#core/schemas/lead';
import type { ScenarioStatus } from '#core/schemas/scenario';
import { CATEGORIES, type Category } from '#core/taxonomy';
import { reportHistory, type StoredReport } from '#db/indicators';
import { allLeads, leadsOfPlatform, monthOf } from '#db/leads';
import { withStale, STALE_AFTER_DAYS } from './leads';
import { allCurrentAssessments, allPlatforms, allSolutions, getPlatform, type PlatformRecord } from '#db/platforms';
import { scenariosInStatuses } from '#db/scenarios';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

// Monitoring (监测分析) reads. Everything is computed on request from the registry: at city scale
// (hundreds of platforms) a full read is a few hundred small queries, and a stored aggregate would
// be one more thing to keep consistent with the source of truth.

export const LEVELS = [0, 1, 2, 3] as const;
const LEAD_STATUSES: readonly LeadStatus[] = LeadStatus.options;
const SCENARIO_STATUSES: readonly ScenarioStatus[] = ['draft', 'published', 'matching', 'matched', 'closed', 'withdrawn'];

/** Monitored core elements of one report (监测核心要素). */
export interface CoreElements {
  apps: number;
  devices: number;
  servedEnterprises: number;
}

const numAt = (o: Record<string, unknown>, key: string) => {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/**
 * APPs count both figures a category reports: own apps (特色型, 专业型) and subscriptions (综合型,
 * 专业型); each category block reports what it has, so summing does not double-count across blocks.
 */
export function coreElements(r: Pick<StoredReport, 'general' | 'specific'>): CoreElements {
  return {
    apps: numAt(r.specific, 'ownApps') + numAt(r.specific, 'appSubscriptions'),
    devices: numAt(r.specific, 'devices'),
    servedEnterprises: numAt(r.general, 'servedEnterprises'),
  };
}

/** Runs `fn` over `xs` with at most `limit` in flight: one request per platform must not flood the table. */
async function mapLimit<T, R>(xs: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}

interface PlatformReports {
  platform: PlatformRecord;
  /** Latest version of each reported year, oldest first. */
  history: StoredReport[];
}

async function platformsWithReports(deps: Deps, platforms: PlatformRecord[]): Promise<PlatformReports[]> {
  const s = storeOf(deps);
  return mapLimit(platforms, 16, async (platform) => ({ platform, history: await reportHistory(s, platform.id) }));
}

const latestOf = (history: StoredReport[]) => history[history.length - 1];

export interface LeadEvidence {
  /** Accepted at some point, whatever came next. */
  accepted: number;
  declined: number;
  pending: number;
  signed: number;
  delivered: number;
}

interface Evidence extends LeadEvidence {
  funnel: FunnelCounts;
}

function leadEvidence(leads: Lead[]): Map<string, Evidence> {
  const byPlatform = new Map<string, Lead[]>();
  for (const l of leads) byPlatform.set(l.platformId, [...(byPlatform.get(l.platformId) ?? []), l]);
  const m = new Map<string, Evidence>();
  for (const [id, ls] of byPlatform) {
    const f = funnel(ls);
    m.set(id, {
      accepted: ls.filter(wasAccepted).length,
      declined: ls.filter((l) => l.status === 'declined').length,
      pending: ls.filter((l) => l.status === 'pending').length,
      signed: f.signed,
      delivered: f.delivered,
      funnel: f,
    });
  }
  return m;
}

const NO_EVIDENCE: LeadEvidence = { accepted: 0, declined: 0, pending: 0, signed: 0, delivered: 0 };
const evidenceRow = (e: Evidence | undefined): LeadEvidence => (e ? { accepted: e.accepted, declined: e.declined, pending: e.pending, signed: e.signed, delivered: e.delivered } : NO_EVIDENCE);

function funnelView(deps: Deps, leads: Lead[]): FunnelView {
  const cutoff = new Date(deps.now().getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
  return {
    total: funnel(leads),
    byMonth: funnelBy(leads, (l) => monthOf(l.createdAt)),
    medianFirstResponseHours: medianFirstResponseHours(leads),
    stale: leads.filter((l) => withStale(l, cutoff).stale).length,
  };
}

function assertBureau(who: Principal) {
  if (who.role !== 'bureau') throw new AppError('FORBIDDEN');
}

// ---- overview -------------------------------------------------------------------------------------

/** The overview's source split: 'matched' (the default), 'proposal', or 'roadshow' for every `roadshow:<id>`. */
export const leadSourceKey = (l: Pick<Lead, 'source' | 'roadshowId'>) =>
  l.source?.startsWith('roadshow:') ? 'roadshow' : (l.source ?? (l.roadshowId ? 'roadshow' : 'matched'));

export interface Overview {
  platforms: {
    total: number;
    byCategory: { category: Category; total: number; byLevel: number[] }[];
  };
  coreElements: CoreElements & { solutions: number; platformsReporting: number };
  leads: { total: number; byStatus: Record<LeadStatus, number>; acceptanceRate: number | null };
  /** 供需对接成效: leads → accepted → signed → delivered, by platform category, industry, district, month. */
  funnel: FunnelView & { byCategory: FunnelRow[]; byIndustry: FunnelRow[]; byDistrict: FunnelRow[]; bySource: FunnelRow[] };
  /** Per roadshow event: what it produced (issue 20). */
  roadshows: (RoadshowReport & { title: string; startsAt?: string })[];
  scenarios: { total: number; byStatus: Record<ScenarioStatus, number> };
  trend: (CoreElements & { year: number; platformsReporting: number })[];
  /** The programme's headline result: platforms recommended upstream vs selected, per year. */
  selections: SelectionYear[];
  /** Whose figures these are: the city, or one district beside its share of the city. */
  scope: { district: string | null; shareOfCity: { platforms: number | null; scenarios: number | null; leads: number | null } | null };
  generatedAt: string;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The monitoring overview: the city's for the bureau; for a district office the same figures over
 * its region only (platforms and scenarios by region, leads by the scenario's region), with its share
 * of the city's.
 */
export async function overview(deps: Deps, who: Principal): Promise<Overview> {
  if (who.role !== 'bureau' && who.role !== 'district') throw new AppError('FORBIDDEN');
  const region = who.role === 'district' ? who.district! : null;
  const s = storeOf(deps);
  const [cityPlatforms, citySolutions, cityLeads, cityScenarios, citySelections, cityRoadshows] = await Promise.all([
    allPlatforms(s),
    allSolutions(s),
    allLeads(s),
    scenariosInStatuses(s, SCENARIO_STATUSES),
    region ? Promise.resolve([]) : selectionCounts(deps),
    allRoadshows(s),
  ]);
  const platforms = region ? cityPlatforms.filter((p) => p.region === region) : cityPlatforms;
  const mine = new Set(platforms.map((p) => p.id));
  const solutions = region ? citySolutions.filter((x) => mine.has(x.platformId)) : citySolutions;
  const leads = region ? cityLeads.filter((l) => l.scenario.region === region) : cityLeads;
  const scenarios = region ? cityScenarios.filter((x) => x.region === region) : cityScenarios;
  const roadshows = region ? cityRoadshows.filter((r) => r.venue?.region === region) : cityRoadshows;
  // Upstream selections are the city's recommendation; a district sees its platforms' in the 名录.
  const selections = citySelections;
  const reports = await platformsWithReports(deps, platforms);

  const byCategory = CATEGORIES.map((c) => {
    const mine = platforms.filter((p) => p.category === c.code);
    return { category: c.code, total: mine.length, byLevel: LEVELS.map((l) => mine.filter((p) => p.level === l).length) };
  });

  const totals = { apps: 0, devices: 0, servedEnterprises: 0, solutions: solutions.length, platformsReporting: 0 };
  const years = new Map<number, CoreElements & { year: number; platformsReporting: number }>();
  for (const { history } of reports) {
    const latest = latestOf(history);
    if (latest) {
      const e = coreElements(latest);
      totals.apps += e.apps;
      totals.devices += e.devices;
      totals.servedEnterprises += e.servedEnterprises;
      totals.platformsReporting++;
    }
    for (const r of history) {
      const y = years.get(r.year) ?? { year: r.year, platformsReporting: 0, apps: 0, devices: 0, servedEnterprises: 0 };
      const e = coreElements(r);
      y.platformsReporting++;
      y.apps += e.apps;
      y.devices += e.devices;
      y.servedEnterprises += e.servedEnterprises;
      years.set(r.year, y);
    }
  }

  const leadsByStatus = Object.fromEntries(LEAD_STATUSES.map((st) => [st, leads.filter((l) => l.status === st).length])) as Record<LeadStatus, number>;
  const everAccepted = leads.filter(wasAccepted).length;
  const decided = everAccepted + leadsByStatus.declined;
  const categoryOf = new Map(platforms.map((p) => [p.id, p.category]));
  const scenariosByStatus = Object.fromEntries(SCENARIO_STATUSES.map((st) => [st, scenarios.filter((x) => x.status === st).length])) as Record<ScenarioStatus, number>;

  return {
    platforms: { total: platforms.length, byCategory },
    coreElements: totals,
    leads: { total: leads.length, byStatus: leadsByStatus, acceptanceRate: decided > 0 ? everAccepted / decided : null },
    funnel: {
      ...funnelView(deps, leads),
      byCategory: funnelBy(leads, (l) => categoryOf.get(l.platformId)),
      byIndustry: funnelBy(leads, (l) => l.scenario.industry),
      byDistrict: funnelBy(leads, (l) => l.scenario.region),
      bySource: funnelBy(leads, leadSourceKey),
    },
    roadshows: await eventFigures(deps, roadshows),
    scenarios: { total: scenarios.length, byStatus: scenariosByStatus },
    trend: [...years.values()].sort((a, b) => a.year - b.year),
    selections,
    scope: {
      district: region,
      shareOfCity: region
        ? {
            platforms: share(platforms.length, cityPlatforms.length),
            scenarios: share(scenarios.length, cityScenarios.length),
            leads: share(leads.length, cityLeads.length),
          }
        : null,
    },
    generatedAt: deps.now().toISOString(),
  };
}

// ---- monitoring register --------------------------------------------------------------------------

export interface RegisterRow extends CoreElements {
  id: string;
  name: string;
  category: Category;
  subtype?: string;
  region: string;
  level: number;
  reportedYear: number | null;
  leads: LeadEvidence;
}

/** Every registered platform, graded or not: the public directory only lists level ≥ 1. */
/** The bureau's 台账 of every platform; a district's of the platforms registered in its region. */
export async function register(deps: Deps, who: Principal): Promise<RegisterRow[]> {
  if (who.role !== 'district') assertBureau(who);
  const s = storeOf(deps);
  const [all, leads] = await Promise.all([allPlatforms(s), allLeads(s)]);
  const platforms = who.role === 'district' ? all.filter((p) => p.region === who.district) : all;
  const reports = await platformsWithReports(deps, platforms);
  const evidence = leadEvidence(leads);
  return reports
    .map(({ platform: p, history }) => {
      const latest = latestOf(history);
      return {
        id: p.id,
        name: p.name,
        category: p.category,
        ...(p.subtype ? { subtype: p.subtype } : {}),
        region: p.region,
        level: p.level,
        reportedYear: latest?.year ?? null,
        ...(latest ? coreElements(latest) : { apps: 0, devices: 0, servedEnterprises: 0 }),
        leads: evidenceRow(evidence.get(p.id)),
      };
    })
    .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'zh-CN'));
}

// ---- portrait -------------------------------------------------------------------------------------

export type PortraitView = Portrait & { name: string; warnings: DataQualityWarning[] };

function snapshot(p: PlatformRecord, r: StoredReport, e: Evidence | undefined): PortraitSnapshot {
  return {
    platformId: p.id,
    general: r.general,
    specific: r.specific,
    // Cumulative over the programme: leads are dated when matched, not by report year, and a
    // platform's responsiveness is a property of how it handles leads, not of one calendar year.
    evidence: {
      leadsAccepted: e?.accepted ?? 0,
      leadsDecided: (e?.accepted ?? 0) + (e?.declined ?? 0),
      // Only what the manufacturer confirmed scores: a platform cannot raise its portrait by claiming.
      dealsSigned: e?.funnel.signedConfirmed ?? 0,
      dealsDelivered: e?.funnel.deliveredConfirmed ?? 0,
      contractWan: e?.funnel.contractWanConfirmed ?? 0,
      ...(e?.funnel.meanStars != null ? { meanStars: e.funnel.meanStars } : {}),
    },
    technologiesCount: p.technologies.length,
  };
}

/**
 * The bureau sees any portrait, a platform its own. Platform profiles are public, so a 403 for
 * someone else's id reveals nothing a 404 would hide.
 */
export async function portrait(deps: Deps, who: Principal, id: string): Promise<PortraitView> {
  if (who.role === 'manufacturer' || who.role === 'expert' || (who.role === 'platform' && who.org !== id)) throw new AppError('FORBIDDEN');
  const s = storeOf(deps);
  const target = await getPlatform(s, id);
  if (!target || (who.role === 'district' && target.region !== who.district)) throw notFound('平台 platform');
  const history = await reportHistory(s, id);
  const latest = latestOf(history);
  if (!latest) throw notFound('指标申报 indicator report');

  const [platforms, leads] = await Promise.all([allPlatforms(s), allLeads(s)]);
  const evidence = leadEvidence(leads);
  const sameCategory = platforms.filter((p) => p.category === target.category && p.id !== id);
  const peerReports = await platformsWithReports(deps, sameCategory);
  const peers = peerReports.flatMap(({ platform, history: h }) => {
    const r = latestOf(h);
    // A platform that changed category keeps its old report's block; comparing it would mix
    // another category's indicators into this one's columns.
    return r && r.category === target.category ? [snapshot(platform, r, evidence.get(platform.id))] : [];
  });

  const p = platformPortrait({
    category: target.category,
    year: latest.year,
    target: snapshot(target, latest, evidence.get(id)),
    peers,
  });
  return { ...p, name: target.name, warnings: dataQualityWarnings(history) };
}

// ---- a platform's own funnel ---------------------------------------------------------------------

/** The platform sees its own 成效; the bureau sees any platform's. */
export async function platformFunnel(deps: Deps, who: Principal, id: string): Promise<FunnelView & { bySource: FunnelRow[] }> {
  if (!(who.role === 'bureau' || (who.role === 'platform' && who.org === id))) throw new AppError('FORBIDDEN');
  const s = storeOf(deps);
  if (!(await getPlatform(s, id))) throw notFound('平台 platform');
  const leads = await leadsOfPlatform(s, id);
  // Pushed by matching, won by 揭榜, or met at a roadshow: the platform sees which channel pays.
  return { ...funnelView(deps, leads), bySource: funnelBy(leads, leadSourceKey) };
}

// ---- bottlenecks ----------------------------------------------------------------------------------

export interface BottleneckView {
  assessed: number;
  categories: (Omit<CategoryBottlenecks, 'items'> & {
    items: (CategoryBottlenecks['items'][number] & { label: { zh: string; en: string } })[];
  })[];
}

export async function bottleneckView(deps: Deps, who: Principal): Promise<BottleneckView> {
  assertBureau(who);
  const platforms = await allPlatforms(storeOf(deps));
  const assessments = await allCurrentAssessments<Assessment>(storeOf(deps));
  const labels = new Map<string, { zh: string; en: string }>();
  for (const a of assessments) for (const g of a.gapsToNextLevel) if (!labels.has(g.indicator)) labels.set(g.indicator, g.label);
  return {
    assessed: assessments.length,
    categories: bottlenecks(assessments).map((c) => ({
      ...c,
      items: c.items.map((i) => ({ ...i, label: labels.get(i.indicator) ?? { zh: i.indicator, en: i.indicator } })),
    })),
  };
}
