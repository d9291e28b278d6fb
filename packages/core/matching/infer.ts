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
  domains: Map<Domain, number>;
  technologies: Map<Technology, number>;
  industries: Map<Industry, number>;
}

/** Strength of a concept mentioned n times: repetition counts, but with diminishing returns. */
export const conceptStrength = (weight: number | undefined, n: number) => (weight ?? 1) * (1 + 0.5 * Math.log(n));

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

export function inferNeed(title: string, description: string): InferredNeed {
  const need = readNeed(`${title}\n${description}`);
  const concepts = conceptProfile(need.text);
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
    domains: normalised(domains),
    technologies: normalised(technologies),
    industries: normalised(industries),
  };
}
