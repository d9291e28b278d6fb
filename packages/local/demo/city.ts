import { validCreditCode } from '#core/credit-code';
import { enterpriseOrgId } from '#core/schemas/account';
import { label, type Region } from '#core/taxonomy';
import { loadCorpusDataset } from '../../../bench/match-corpus';
import { grownReport, indicatorReport } from '../../../bench/seed';
import { signToken } from '../token';
import { inPool, until, type DemoClient } from './http';
import { bureauPerson, DEMO_CONTACTS, DemoSignIn, districtPerson, founder, type DemoPerson } from './people';

// The demo city, loaded through the service's own API and queues: the corpus's 64 platforms with
// two years of reports, 120 scenarios, leads in every state, a roadshow, this year's round in its
// notice period with objections, and expert reviews. Deterministic, so a second run finds it all.

const SCENARIOS = 120;
const ENTERPRISES = 6;
const enterpriseCode = (e: number) => validCreditCode('91370211MA', e);
const enterpriseOrg = (e: number) => enterpriseOrgId(enterpriseCode(e));
/** The demo manufacturer's own enterprise: the first of the six that post scenarios. */
const DEMO_ENTERPRISE = { kind: 'enterprise' as const, name: '青岛海岳示范制造有限公司', creditCode: enterpriseCode(1) };
/** The demo operator runs two of the corpus's platforms (by index): a cross-industry one and an industry one. */
const OPERATED = [0, 9];
const APPLICANTS = 24;


export interface DemoSummary {
  alreadyLoaded: boolean;
  platforms: number;
  scenarios: number;
  leads: Record<string, number>;
  roundId: string;
  experts: string[];
  people: DemoPerson[];
  ms: number;
}

type Corpus = ReturnType<typeof loadCorpusDataset>;
const reports = (i: number) => i % 8 !== 7;

/** The platforms that apply in this year's round: the first 24 that report. */
const applicantsOf = (corpus: Corpus) => corpus.platforms.filter((_, i) => reports(i)).slice(0, APPLICANTS);

/** The district whose office is in the demo: the one with most of the round's applicants. */
function demoDistrict(corpus: Corpus): Region {
  const counts = new Map<Region, number>();
  for (const p of applicantsOf(corpus)) if (p.region) counts.set(p.region, (counts.get(p.region) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The demo operator's organisation: the operator of the first platform it runs. */
function demoOperator(corpus: Corpus) {
  const first = corpus.platforms[OPERATED[0]!]!;
  return { kind: 'operator' as const, name: first.operator ?? `${first.name}运营公司`, creditCode: validCreditCode('91370200MA', OPERATED[0]! + 1) };
}

function demoPeople(corpus: Corpus): DemoPerson[] {
  const operated = OPERATED.map((i) => corpus.platforms[i]!);
  const region = demoDistrict(corpus);
  return [
    { role: 'bureau', contact: DEMO_CONTACTS.bureau, actsFor: '青岛市工业和信息化局', start: '/b/overview' },
    { role: 'manufacturer', contact: DEMO_CONTACTS.manufacturer, actsFor: DEMO_ENTERPRISE.name, start: '/m/scenarios' },
    { role: 'platform', contact: DEMO_CONTACTS.platform, actsFor: `${demoOperator(corpus).name}（${operated.map((p) => p.name).join('、')}）`, start: '/p/leads' },
    { role: 'expert', contact: DEMO_CONTACTS.expert, actsFor: '王建国（评审专家）', start: '/e/reviews' },
    { role: 'district', contact: DEMO_CONTACTS.district, actsFor: `${region}工业和信息化局`, start: '/d/applications' },
  ];
}

export async function loadDemoCity(api: DemoClient, secret: string, log: (s: string) => void = () => undefined): Promise<DemoSummary> {
  const t0 = Date.now();
  const bureau = await signToken(secret, { role: 'bureau', sub: 'demo-bureau' });
  const year = new Date().getUTCFullYear() - 1;
  const corpus = loadCorpusDataset();

  // The last step puts this year's round in its notice period: once there, the city is loaded. Each
  // earlier step skips what a previous, interrupted run already did.
  const rounds = await api.call<{ items: { id: string; year: number; status: string }[] }>('GET', '/v1/rounds');
  const done = rounds.body.items.find((r) => r.year === year && (r.status === 'notice' || r.status === 'published'));
  if (done) return { alreadyLoaded: true, platforms: corpus.platforms.length, scenarios: SCENARIOS, leads: await leadCounts(api, bureau), roundId: done.id, experts: [], people: demoPeople(corpus), ms: Date.now() - t0 };

  log('people: the bureau admin, a district official, a manufacturer and a platform operator sign in through the dev mailbox');
  const people = new DemoSignIn(api);
  const admin = await bureauPerson(api, people, bureau);
  await districtPerson(api, people, admin, demoDistrict(corpus));
  await founder(api, people, DEMO_CONTACTS.manufacturer, DEMO_ENTERPRISE);
  const operatorOrg = demoOperator(corpus);
  const operator = await founder(api, people, DEMO_CONTACTS.platform, operatorOrg);

  log(`platforms: registering ${corpus.platforms.length} with solutions and ${year - 1}–${year} reports`);
  const existing = new Map(
    (await api.call<{ items: { id: string; name: string; reportedYear: number | null }[] }>('GET', '/v1/stats/platforms', { token: bureau })).body.items.map((r) => [r.name, r]),
  );
  const platformIds = new Map<string, string>();
  await inPool(corpus.platforms, 4, async (p, i) => {
    const had = existing.get(p.name);
    if (had) {
      platformIds.set(p.key, had.id);
      if (had.reportedYear === year || !reports(i)) return;
    }
    // The demo operator registers its own two platforms; bureau clerks register the rest of the
    // city's, and each platform then keeps its own record.
    const registrar = OPERATED.includes(i) ? operator.token : await signToken(secret, { role: 'bureau', sub: `demo-clerk-${i % 8}` });
    const reg = had ? { body: { id: had.id } } : await api.call('POST', '/v1/platforms', {
      token: registrar,
      body: {
        name: p.name,
        operator: OPERATED.includes(i) ? { name: operatorOrg.name, creditCode: operatorOrg.creditCode } : { name: p.operator, creditCode: validCreditCode('91370200MA', i + 1) },
        category: p.category,
        ...(p.subtype ? { subtype: p.subtype } : {}),
        region: p.region,
        industries: p.industries,
        domains: p.domains,
        technologies: p.technologies,
        description: p.description,
      },
    });
    platformIds.set(p.key, reg.body.id);
    const token = await signToken(secret, { role: 'platform', org: reg.body.id });
    const solutions = (await api.call<{ items: { title: string }[] } | { title: string }[]>('GET', `/v1/platforms/${reg.body.id}/solutions`, { token })).body;
    const titles = new Set((Array.isArray(solutions) ? solutions : solutions.items).map((s) => s.title));
    for (const s of p.solutions.filter((s) => !titles.has(s.title))) await api.call('POST', `/v1/platforms/${reg.body.id}/solutions`, { token, body: s });
    // Every eighth platform never reports: the register shows it ungraded.
    if (reports(i)) {
      const k = p.level === 3 ? 4 : 1;
      await api.call('PUT', `/v1/platforms/${reg.body.id}/indicators/${year - 1}`, { token, body: grownReport(indicatorReport(5000 + i, p.category), k * 0.8) });
      await api.call('PUT', `/v1/platforms/${reg.body.id}/indicators/${year}`, { token, body: grownReport(indicatorReport(i, p.category), k) });
    }
  });
  const reporting = corpus.platforms.filter((_, i) => reports(i)).length;
  await until('assessments', async () => {
    const reg = await api.call<{ items: { reportedYear: number | null }[] }>('GET', '/v1/stats/platforms', { token: bureau });
    return reg.body.items.filter((r) => r.reportedYear === year).length >= reporting;
  }, 120_000);

  log(`scenarios: ${SCENARIOS} from ${ENTERPRISES} enterprises, published`);
  const picked = corpus.scenarios.filter((s) => s.title && s.description.length >= 10).slice(0, SCENARIOS);
  const posted = new Map<string, { id: string; status: string }>();
  for (let e = 1; e <= ENTERPRISES; e++) {
    const token = await signToken(secret, { role: 'manufacturer', org: enterpriseOrg(e) });
    for (const x of (await api.call<{ items: { id: string; title: string; status: string }[] }>('GET', '/v1/scenarios', { token })).body.items) posted.set(`${e}|${x.title}`, x);
  }
  const scenarioIds = await inPool(picked, 4, async (s, i) => {
    const e = (i % ENTERPRISES) + 1;
    const token = await signToken(secret, { role: 'manufacturer', org: enterpriseOrg(e), sub: `demo-manufacturer-${e}` });
    const had = posted.get(`${e}|${s.title.slice(0, 200)}`);
    if (had) {
      if (had.status === 'draft') await api.call('POST', `/v1/scenarios/${had.id}/publish`, { token });
      return had.id;
    }
    const sc = await api.call('POST', '/v1/scenarios', {
      token,
      body: {
        title: s.title.slice(0, 200),
        description: s.description,
        enterprise: { name: e === 1 ? DEMO_ENTERPRISE.name : `青岛${label('industry', s.industry).replace(/业$/, '')}示范企业${e}号有限公司`, creditCode: enterpriseCode(e) },
        industry: s.industry,
        domains: s.domains,
        technologies: s.technologies,
        region: s.region,
        ...(i % 3 === 0 ? { budgetWan: 20 + (i % 7) * 15 } : {}),
        ...(i % 4 === 0 ? { showEnterprise: true } : {}),
      },
    });
    await api.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token });
    return sc.body.id as string;
  });
  await until('matching', async () => {
    const st = await Promise.all(scenarioIds.slice(-10).map(async (id, k) => (await api.call('GET', `/v1/scenarios/${id}`, { token: await signToken(secret, { role: 'manufacturer', org: enterpriseOrg(((scenarioIds.length - 10 + k) % ENTERPRISES) + 1) }) })).body.status));
    return st.every((s) => s === 'matched');
  }, 180_000, 1000);
  // Pairings turn matches into leads after the scenario is matched: wait until the count settles.
  let seen = -1;
  const all = await until('leads', async () => {
    const now = await allLeads(api, bureau);
    const settled = now.length > 0 && now.length === seen;
    seen = now.length;
    return settled ? now : null;
  }, 120_000, 2000);

  log(`leads: moving ${all.length} through their lifecycle`);
  const plan = ['pending', 'declined', 'accepted', 'contacted', 'proposal', 'signed', 'signed', 'delivered', 'delivered', 'lost'] as const;
  await inPool(all, 4, async (l, i) => {
    const target = plan[i % plan.length]!;
    // A lead an earlier run already moved stays as it is.
    if (target === 'pending' || l.status !== 'pending') return;
    const plt = await signToken(secret, { role: 'platform', org: l.platformId });
    const mfr = await signToken(secret, { role: 'manufacturer', org: l.scenario.ownerOrg });
    if (target === 'declined') return void (await api.call('POST', `/v1/leads/${l.id}/decline`, { token: plt, body: { code: i % 20 === 1 ? 'capacity' : 'out_of_scope' } }));
    await api.call('POST', `/v1/leads/${l.id}/accept`, { token: plt });
    const steps: string[] = { accepted: [], contacted: ['contacted'], proposal: ['contacted', 'proposal'], signed: ['contacted', 'proposal', 'signed'], delivered: ['contacted', 'proposal', 'signed', 'delivered'], lost: ['contacted', 'lost'] }[target];
    for (const st of steps) {
      const body = st === 'signed' ? { status: st, contractValueWan: 15 + (i % 9) * 12, date: `${year + 1}-0${1 + (i % 9)}-15` } : st === 'lost' ? { status: st, reason: 'price' } : st === 'delivered' ? { status: st, date: `${year + 1}-10-${10 + (i % 18)}` } : { status: st };
      await api.call('POST', `/v1/leads/${l.id}/progress`, { token: plt, body });
    }
    if (target === 'delivered') {
      await api.call('POST', `/v1/leads/${l.id}/confirm`, { token: mfr, body: { status: 'signed' } });
      await api.call('POST', `/v1/leads/${l.id}/confirm`, { token: mfr, body: { status: 'delivered' } });
      await api.call('POST', `/v1/leads/${l.id}/rating`, { token: mfr, body: { stars: 3 + (i % 3), comment: '响应及时，方案落地 / responsive, delivered' } });
    }
  });

  log('roadshow: one composed from the published scenarios');
  const shows = (await api.call<{ items: { title: string }[] }>('GET', '/v1/roadshows', { token: bureau })).body.items;
  if (!shows.some((r) => r.title === '工赋青岛·设备运维专场路演')) await api.call('POST', '/v1/roadshows', {
    token: bureau,
    body: { title: '工赋青岛·设备运维专场路演', date: `${year + 1}-12-18`, domains: ['maintenance'], maxScenarios: 8, platformsPerScenario: 3, maxSlotsPerPlatform: 3 },
  });

  log(`round ${year}: applications, assessment, notice, objections, expert reviews`);
  const day = 86_400_000;
  const open = rounds.body.items.find((r) => r.year === year);
  const roundId = open
    ? open.id
    : ((await api.call('POST', '/v1/rounds', {
        token: bureau,
        body: { year, opensAt: new Date(Date.now() - 30 * day).toISOString(), closesAt: new Date(Date.now() + day).toISOString(), noticeDays: 7 },
      })).body.id as string);
  const applicants = applicantsOf(corpus).map((p) => platformIds.get(p.key)!);
  const appIds = await inPool(applicants, 4, async (id) => {
    const token = await signToken(secret, { role: 'platform', org: id });
    const a = await api.call('POST', `/v1/rounds/${roundId}/applications`, { token, body: { platformId: id } });
    if (a.body.status === 'draft') await api.call('POST', `/v1/applications/${a.body.id}/submit`, { token });
    return a.body.id as string;
  });
  const assessed = await until('applications assessed', async () => {
    const l = await api.call<{ items: { id: string; status: string; level?: number; category: string }[] }>('GET', `/v1/rounds/${roundId}/applications`, { token: bureau });
    return l.body.items.every((a) => a.status === 'assessed') ? l.body.items : null;
  }, 120_000);
  const experts: string[] = [];
  const known = (await api.call<{ items: { id: string; name: string }[] }>('GET', '/v1/experts', { token: bureau })).body.items;
  for (const [name, k] of [['王建国', 1], ['李敏', 2], ['陈海涛', 3]] as const) {
    const had = known.find((x) => x.name === name);
    if (had) {
      experts.push(had.id);
      continue;
    }
    const e = await api.call('POST', '/v1/experts', {
      token: bureau,
      body: { name, affiliation: `青岛工业互联网研究院第${k}研究所`, affiliationCreditCode: validCreditCode('12370200MB', k), fields: ['工业互联网', '智能制造'], ...(k === 1 ? { contact: DEMO_CONTACTS.expert } : {}) },
    });
    experts.push(e.body.id);
  }
  const reviewable = assessed.filter((a) => (a.level ?? 0) >= 2).map((a) => a.id);
  const assignedBefore = (await api.call<{ items: unknown[] }>('GET', `/v1/reviews?roundId=${roundId}`, { token: bureau })).body.items.length;
  if (reviewable.length && !assignedBefore) {
    const assigned = await api.call<{ items: { id: string; expertId: string; category: string }[] }>('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: reviewable, expertIds: experts } });
    const rubric = (await api.call('GET', '/v1/review-rubrics')).body as { categories: Record<string, { id: string; max: number }[]> };
    await inPool(assigned.body.items, 4, async (r, i) => {
      const token = await signToken(secret, { role: 'expert', sub: r.expertId });
      const share = 0.6 + ((i * 7) % 35) / 100;
      const scores = Object.fromEntries(rubric.categories[r.category]!.map((c) => [c.id, Math.round(c.max * share)]));
      await api.call('PUT', `/v1/reviews/${r.id}`, { token, body: { scores, comment: '材料完整，能力与申报等级相符。' } });
      await api.call('POST', `/v1/reviews/${r.id}/submit`, { token });
    });
  }
  await api.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau });
  await api.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau, body: {} });
  const listed = assessed.filter((a) => (a.level ?? 0) >= 1);
  for (const [k, a] of listed.slice(0, 2).entries()) {
    await api.call('POST', `/v1/public/notices/${roundId}/objections`, {
      body: { applicationId: a.id, reason: k === 0 ? '该平台申报的服务企业数量与我们了解的情况不符，请核查。' : '该平台的连接设备数据似乎包含了集团其他公司的设备。', contactName: k === 0 ? '张先生' : '刘女士', contactPhone: k === 0 ? '13800000001' : '13900000002' },
      headers: { 'x-forwarded-for': `198.51.100.${10 + k}` },
    });
  }
  void appIds;
  return { alreadyLoaded: false, platforms: corpus.platforms.length, scenarios: scenarioIds.length, leads: await leadCounts(api, bureau), roundId, experts, people: demoPeople(corpus), ms: Date.now() - t0 };
}

interface LeadRow { id: string; status: string; platformId: string; scenario: { ownerOrg: string } }

async function allLeads(api: DemoClient, bureau: string): Promise<LeadRow[]> {
  const out: LeadRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: LeadRow[]; cursor: string | null } } = await api.call('GET', `/v1/leads?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: bureau });
    out.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

async function leadCounts(api: DemoClient, bureau: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const l of await allLeads(api, bureau)) counts[l.status] = (counts[l.status] ?? 0) + 1;
  return counts;
}
