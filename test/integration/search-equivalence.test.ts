import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '#core/credit-code';
import { rankNeed } from '#services/matching';
import { loadCorpusDataset } from '../../bench/match-corpus';
import { grownReport, indicatorReport } from '../../bench/seed';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// Search by need ranks exactly as matching: each text, typed into the 名录's search box, finds the
// platform that matching ranks first among the listed ones for the same text posted as a scenario
// with nothing ticked. Run on the in-repo corpus (64 platforms); the shared dev set lives outside
// the repository, where CI cannot read it.

const corpus = loadCorpusDataset();
const TEXTS = corpus.scenarios.filter((_, i) => i % 10 === 0).slice(0, 30);
let stack: TestStack;

beforeAll(async () => {
  // Loading 64 platforms is a burst of writes from one token; the per-token limit is not under test.
  stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const bureau = await stack.token('bureau');
  for (const [i, p] of corpus.platforms.entries()) {
    const id = (await stack.call('POST', '/v1/platforms', {
      token: bureau,
      body: { name: p.name, operator: { name: p.operator, creditCode: validCreditCode('91370200MA', i + 1) }, category: p.category, ...(p.subtype ? { subtype: p.subtype } : {}), region: p.region, industries: p.industries, domains: p.domains, technologies: p.technologies, description: p.description },
    })).body.id;
    for (const s of p.solutions) await stack.call('POST', `/v1/platforms/${id}/solutions`, { token: bureau, body: s });
    // Large reports, so that most platforms are listed.
    const put = await stack.call('PUT', `/v1/platforms/${id}/indicators/2025`, { token: bureau, body: grownReport(indicatorReport(i, p.category), 3) });
    expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(202);
  }
  await eventually(async () => (await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items.every((p: { reportedYear: number | null }) => p.reportedYear === 2025), 120_000);
}, 300_000);
afterAll(() => stack?.stop());

describe('search by need and matching agree', () => {
  it(`on the top platform for ${TEXTS.length} corpus texts`, async () => {
    const mfr = await stack.token('manufacturer', 'ent_search');
    for (const s of TEXTS) {
      const text = `${s.title}，${s.description}`.slice(0, 500);
      const res = await stack.call('GET', `/v1/public/directory/search?q=${encodeURIComponent(text)}&industry=${s.industry}`, { headers: { 'x-forwarded-for': `10.1.0.${TEXTS.indexOf(s)}` } });
      expect(res.status).toBe(200);
      const posted = await stack.call('POST', '/v1/scenarios', {
        token: mfr,
        body: { title: text.slice(0, 200), description: text, enterprise: { name: '青岛某企业', creditCode: '91350100M000100Y43' }, industry: s.industry, domains: [], technologies: [], region: s.region },
      });
      expect(posted.status).toBe(201);
      const ranked = await rankNeed(stack.deps, { ...posted.body, title: text, description: text }, { topK: corpus.platforms.length });
      const listed = new Set(((await stack.call('GET', '/v1/directory?limit=200')).body.items as { id: string }[]).map((p) => p.id));
      expect(listed.size).toBeGreaterThan(corpus.platforms.length / 2);
      expect(res.body.items[0].platformId, s.key).toBe(ranked.find((m) => listed.has(m.platformId))!.platformId);
    }
  }, 120_000);
});
