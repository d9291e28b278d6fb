import type { Domain, Industry, Technology } from '../taxonomy';
import { readNeed } from './negation';
import { conceptCounts } from './text';
import { conceptById } from './thesaurus';

/**
 * What the text of a scenario says it needs: the thesaurus concepts it mentions (ruled-out words
 * removed) and the domains, technologies and industries they are evidence for. Strengths are
 * relative: the strongest domain is 1.
 */
export interface InferredNeed {
  /** Normalised text with ruled-out words blanked. */
  text: string;
  excluded: string[];
  concepts: Map<string, number>;
  /** The need sentence by sentence, each weighted by whether it asks for something. */
  sentences: NeedSentence[];
  domains: Map<Domain, number>;
  technologies: Map<Technology, number>;
  industries: Map<Industry, number>;
}

/**
 * Strength of a concept mentioned n times (n may be fractional when mentions are weighted):
 * repetition counts, but with diminishing returns.
 */
export const conceptStrength = (weight: number | undefined, n: number) => (weight ?? 1) * (n <= 1 ? n : 1 + 0.5 * Math.log(n));

export interface NeedSentence {
  text: string;
  weight: number;
}

// Words with which a manufacturer turns from the story of the company to what they want.
const ASK = /希望|想要|想把|想让|想知道|想找|想用|想做|想上|想搞|需要|要求|能不能|能否|有没有|怎么|如何|求助|解决|头疼|麻烦|痛点|问题是|关键是|最怕|最大的|急需|打算|计划|准备|盼/;

/**
 * A long story (company history, customers, prices) around one real need: sentences that ask for
 * something count fully, the rest by `background`. Short texts and texts without an ask count evenly.
 */
export function needSentences(title: string, body: string, background: number): NeedSentence[] {
  const parts = body.split(/(?<=[。！？!?；;\n])/).map((x) => x.trim()).filter(Boolean);
  const asks = parts.map((x) => ASK.test(x));
  const even = background >= 1 || parts.length <= 2 || !asks.some(Boolean);
  return [{ text: title, weight: 1 }, ...parts.map((text, i) => ({ text, weight: even || asks[i] ? 1 : background }))].filter((x) => x.text);
}

function normalised<K>(m: Map<K, number>): Map<K, number> {
  const max = Math.max(0, ...m.values());
  return max > 0 ? new Map([...m].map(([k, v]) => [k, v / max])) : new Map();
}

const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Concept strengths of any text (a scenario's need or a platform's solution). */
export function conceptProfile(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, n] of conceptCounts(text)) out.set(id, conceptStrength(conceptById(id)?.weight, n));
  return out;
}

export function inferNeed(title: string, description: string, background = 1): InferredNeed {
  const need = readNeed(`${title}\n${description}`);
  const nl = need.text.indexOf('\n');
  const sentences = needSentences(need.text.slice(0, nl), need.text.slice(nl + 1), background);
  const counts = new Map<string, number>();
  for (const x of sentences) for (const [id, n] of conceptCounts(x.text)) add(counts, id, n * x.weight);
  const concepts = new Map([...counts].map(([id, n]) => [id, conceptStrength(conceptById(id)?.weight, n)]));
  const domains = new Map<Domain, number>();
  const technologies = new Map<Technology, number>();
  const industries = new Map<Industry, number>();
  for (const [id, s] of concepts) {
    const c = conceptById(id)!;
    if (c.domain) add(domains, c.domain, s);
    if (c.technology) add(technologies, c.technology, s);
    for (const i of c.industries ?? []) add(industries, i, s);
  }
  return {
    text: need.text,
    excluded: need.excluded,
    concepts,
    sentences,
    domains: normalised(domains),
    technologies: normalised(technologies),
    industries: normalised(industries),
  };
}
