import { creditCodeCheckChar } from '#core/credit-code';
import { summarize, type Summary } from '#core/matching/metrics';
import type { MatchingDataset } from './dataset';
import { startBenchStack } from './stack';

/** A valid 统一社会信用代码 for the n-th fictional operator (the dataset has names only). */
function creditCode(n: number): string {
  const first17 = `913702${String(100000000 + n).slice(-9)}00`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17)!;
}

/**
 * The dataset through the production path: platforms and solutions registered over HTTP, scenarios
 * posted and published, the embed and match consumers run by the local pollers, rankings read back
 * from GET /v1/scenarios/{id}/matches. No lead is created (the minimum score is out of reach), so
 * exposure damping stays neutral and the numbers measure ranking alone.
 */
export async function evaluateThroughStack(data: MatchingDataset): Promise<{ summary: Summary; ms: number }> {
  const started = Date.now();
  const b = await startBenchStack({ env: { MATCH_MIN_SCORE: '1e9' } });
  try {
    const bureau = await b.token('bureau');
    const mfr = await b.token('manufacturer', 'ent_bench');
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await b.call(method, path, { token, body });
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const keyOf = new Map<string, string>();
    for (const [i, p] of data.platforms.entries()) {
      const created = await call('POST', '/v1/platforms', bureau, {
        name: p.name,
        operator: { name: p.operator ?? `${p.name}运营公司`, creditCode: creditCode(i) },
        category: p.category,
        ...(p.category === 'characteristic' ? { subtype: p.subtype ?? 'vertical' } : {}),
        region: p.region ?? '崂山区',
        industries: p.industries,
        domains: p.domains,
        technologies: p.technologies,
        description: p.description,
      });
      keyOf.set(created.id, p.key);
      for (const s of p.solutions) await call('POST', `/v1/platforms/${created.id}/solutions`, bureau, s);
    }
    const ids: string[] = [];
    for (const s of data.scenarios) {
      const sc = await call('POST', '/v1/scenarios', mfr, {
        title: s.title,
        description: s.description.length >= 10 ? s.description : `${s.description}（${s.title}）`,
        enterprise: { name: '基准测试企业', creditCode: creditCode(9999) },
        industry: s.industry,
        domains: s.domains,
        technologies: s.technologies,
        region: s.region ?? '黄岛区',
      });
      ids.push(sc.id);
    }
    // A batch publishes at most 200 scenarios (the API's limit): the frozen part goes in several.
    for (let i = 0; i < ids.length; i += 200) await call('POST', '/v1/scenarios/batches', bureau, { batch: `bench-${i / 200 + 1}`, scenarioIds: ids.slice(i, i + 200) });
    const runs = [];
    for (const [i, id] of ids.entries()) {
      let m: any;
      for (let t = 0; t < 600; t++) {
        m = await call('GET', `/v1/scenarios/${id}/matches`, mfr);
        if (m.status === 'matched') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (m.status !== 'matched') throw new Error(`scenario ${data.scenarios[i]!.key} never matched`);
      runs.push({ ranked: m.items.map((x: { platformId: string }) => keyOf.get(x.platformId)!), labels: data.scenarios[i]!.relevance });
    }
    return { summary: summarize(runs), ms: Date.now() - started };
  } finally {
    await b.stop();
  }
}
