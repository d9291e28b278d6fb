import { DOMAINS, INDUSTRIES, REGIONS, SUBTYPES, TECHNOLOGIES, type Category } from '#core/taxonomy';
import { embedCached } from '#services/vectors';
import { platformText, solutionText } from '#services/texts';
import { allPlatforms, allSolutions } from '#db/platforms';
import { mulberry32 } from '#core/prng';
import { expectStatus, pool, type BenchStack } from './stack';

// Valid unified social credit codes (checksummed), as in the test fixtures.
const PLATFORM_CREDIT_CODE = '91370200163562681G';
const ENTERPRISE_CREDIT_CODE = '91350100M000100Y43';

const CATEGORIES: Category[] = ['comprehensive', 'characteristic', 'specialized'];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function pickSome<T>(rand: () => number, xs: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rand() * (max - min + 1));
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

/** A platform registration body; index-seeded so every run registers the same city. */
export function platformInput(i: number, category?: Category) {
  const rand = mulberry32(10_000 + i);
  const cat = category ?? pick(rand, CATEGORIES);
  const domains = pickSome(rand, DOMAINS, 1, 3);
  const techs = pickSome(rand, TECHNOLOGIES, 1, 3);
  const industries = pickSome(rand, INDUSTRIES, 1, 3);
  return {
    name: `青岛${domains[0]!.zh}云平台${i}号`,
    operator: { name: `青岛工赋科技${i}有限公司`, creditCode: PLATFORM_CREDIT_CODE },
    category: cat,
    ...(cat === 'characteristic' ? { subtype: pick(rand, SUBTYPES).code } : {}),
    region: pick(rand, REGIONS).code,
    industries: industries.map((x) => x.code),
    domains: domains.map((x) => x.code),
    technologies: techs.map((x) => x.code),
    description: `面向${industries.map((x) => x.zh).join('、')}企业，提供${domains.map((x) => x.zh).join('、')}服务，基于${techs.map((x) => x.zh).join('、')}技术。`,
  };
}

export function solutionInput(i: number, j: number) {
  const rand = mulberry32(20_000 + i * 7 + j);
  const domains = pickSome(rand, DOMAINS, 1, 2);
  const techs = pickSome(rand, TECHNOLOGIES, 1, 2);
  const industries = rand() < 0.3 ? [] : pickSome(rand, INDUSTRIES, 1, 2);
  return {
    title: `${domains[0]!.zh}${techs[0]!.zh}解决方案${j + 1}`,
    description: `${domains.map((x) => x.zh).join('与')}：采集设备与业务数据，${techs.map((x) => x.zh).join('、')}驱动的分析、预警与优化，已在${(industries[0] ?? INDUSTRIES[0]).zh}落地。`,
    industries: industries.map((x) => x.code),
    domains: domains.map((x) => x.code),
    technologies: techs.map((x) => x.code),
  };
}

export function scenarioInput(i: number) {
  const rand = mulberry32(30_000 + i);
  const domains = pickSome(rand, DOMAINS, 1, 2);
  const industry = pick(rand, INDUSTRIES);
  return {
    title: `${industry.zh}企业${domains[0]!.zh}需求${i}`,
    description: `我们是一家${industry.zh}企业，在${domains.map((x) => x.zh).join('和')}方面遇到困难，设备数据分散、靠人工经验，希望借助工业互联网平台改进。`,
    enterprise: { name: `青岛某${industry.zh}有限公司`, creditCode: ENTERPRISE_CREDIT_CODE },
    industry: industry.code,
    domains: domains.map((x) => x.code),
    technologies: pickSome(rand, TECHNOLOGIES, 0, 2).map((x) => x.code),
    region: pick(rand, REGIONS).code,
  };
}

/**
 * An indicator report for `category`, scaled by a random factor so the city spreads over levels
 * 0–3 (factor ≈ 1 clears about level 2 under qd-2025.1).
 */
export function indicatorReport(i: number, category: Category) {
  const rand = mulberry32(40_000 + i);
  const f = 0.3 + rand() * 3.2;
  const n = (x: number) => Math.round(x * f);
  const general = {
    revenueWan: n(3500),
    investmentWan: n(1200),
    profitWan: n(300),
    teamSize: n(45),
    servedEnterprises: n(320),
    patentsAndCopyrights: n(32),
    standards: n(1.5),
    dataTb: n(25),
    security: { protected: rand() < 0.9, mlpsLevel: Math.min(4, Math.max(0, Math.round(f * 2))) },
    monitoringConnected: rand() < 0.85,
  };
  const developers = { registered: n(2100), active: n(600) };
  const specific =
    category === 'specialized'
      ? { devices: n(6000), ownApps: n(35), mechanismModels: n(210), appSubscriptions: n(21000), registeredUsers: n(12000), dailyActiveUsers: n(1100), developers, lowCode: rand() < 0.7 }
      : category === 'comprehensive'
        ? { devices: n(60000), appSubscriptions: n(100000), mechanismModels: n(1000), industriesServed: n(8), parksServed: n(4), developers, registeredUsers: n(50000), transactionWan: n(20000) }
        : { devices: n(10000), protocols: n(60), ownApps: n(40), mechanismModels: n(300), storesAndPartners: n(40), transactionWan: n(5000) };
  return { general, specific };
}

/** A report grown by `k` (for a city whose platforms are mostly listed); the security grade is not a size. */
export function grownReport<T>(x: T, k: number): T {
  if (typeof x === 'number') return Math.round(x * k) as T;
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([key, v]) => [key, key === 'mlpsLevel' ? v : grownReport(v, k)])) as T;
  return x;
}

export interface SeededPlatform {
  id: string;
  category: Category;
  token: string;
}

/** Registers platforms [from, to) with `solutions` each through the API, without queueing work. */
export async function seedPlatforms(b: BenchStack, from: number, to: number, solutions: number, concurrency = 8): Promise<SeededPlatform[]> {
  const bureau = await b.token('bureau');
  const idx = Array.from({ length: to - from }, (_, k) => from + k);
  return b.quietly(() =>
    pool(idx, concurrency, async (i) => {
      const body = platformInput(i);
      const res = await b.call('POST', '/v1/platforms', { token: bureau, body });
      expectStatus(res, 201, 'register platform');
      for (let j = 0; j < solutions; j++) {
        const sol = await b.call('POST', `/v1/platforms/${res.body.id}/solutions`, { token: bureau, body: solutionInput(i, j) });
        expectStatus(sol, 201, 'add solution');
      }
      return { id: res.body.id as string, category: body.category, token: await b.token('platform', res.body.id) };
    }),
  );
}

/**
 * What the embed consumer would have done for every registered platform: vectors for profiles and
 * solutions in DynamoDB and in this process's cache (a warm Lambda's), before scenarios arrive.
 */
export async function embedRegistry(b: BenchStack): Promise<number> {
  const [platforms, solutions] = await Promise.all([allPlatforms(b.store), allSolutions(b.store)]);
  const texts = [...platforms.map(platformText), ...solutions.map(solutionText)];
  for (let i = 0; i < texts.length; i += 500) await embedCached(b.stack.deps, texts.slice(i, i + 500));
  return texts.length;
}

