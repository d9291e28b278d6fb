import type { Domain, Industry, Technology } from '../taxonomy';
import { readConsequences, type Consequence } from './consequences';
import { englishGloss } from './english-glossary';
import { circledAsNumbers, findMainAsk, proseItems, splitItems, withoutMarkers } from './main-ask';
import { readNeed } from './negation';
import { conceptCounts, conceptHits } from './text';
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
  /**
   * In a post listing several problems, the one the writer marks as most urgent: its item numbers
   * among `of`; a story that tells its problems unnumbered has `of` 0.
   */
  mainAsk?: { items: number[]; of: number; text: string; marker: string };
  /** Needs read from consequences ("电费一个月四十万" → energy monitoring), for the reasons. */
  consequences: Consequence[];
  /**
   * Chinese names of concepts the text reaches only through English words or consequences: the
   * platforms describe themselves in Chinese, so the lexical ranking reads these too.
   */
  gloss: NeedSentence[];
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

/** How a need's sentences are weighed; fitted with the fusion weights (bench/match.ts --sweep). */
export interface SentenceWeights {
  /** Sentences that tell background rather than ask for something (1 = all equal). */
  background: number;
  /** In a list of problems with one marked most urgent, each of the other items. */
  otherItems: number;
  /** In such a list, the sentences around it (the company, the priority sentence without its marker words). */
  listContext: number;
  /** What a need read from a consequence counts, as mentions of its concepts. */
  consequence: number;
  /** Weight of the Chinese gloss of English terms and consequences in the lexical ranking (0 = none). */
  gloss: number;
  /** Within the gloss, the names of concepts found through English terms or consequences. */
  conceptGloss: number;
  /** Concepts the Chinese rendering of the English names, as mentions (0 = the English table alone). */
  translated: number;
}

export const EVEN_READING: SentenceWeights = Object.freeze({ background: 1, otherItems: 1, listContext: 1, consequence: 1, gloss: 0, conceptGloss: 0, translated: 0 });

const storySentences = (body: string, background: number) =>
  storyParts(body.split(/(?<=[。！？!?；;\n])/).map((x) => x.trim()).filter(Boolean), background);

function storyParts(parts: readonly string[], background: number): NeedSentence[] {
  const asks = parts.map((x) => ASK.test(x));
  const even = background >= 1 || parts.length <= 2 || !asks.some(Boolean);
  return parts.map((text, i) => ({ text, weight: even || asks[i] ? 1 : background }));
}

/**
 * A long story (company history, customers, prices) around one real need: sentences that ask for
 * something count fully, the rest by `background`. Short texts and texts without an ask count evenly.
 * A list of problems with one marked most urgent counts that item fully and the others by `otherItems`.
 */
export function needSentences(title: string, body: string, w: SentenceWeights): { sentences: NeedSentence[]; mainAsk?: InferredNeed['mainAsk'] } {
  const head = { text: title, weight: 1 };
  const listed = splitItems(body) ?? proseItems(body);
  const main = listed && findMainAsk(listed);
  if (!listed || !main) return { sentences: [head, ...storySentences(body, w.background)].filter((x) => x.text) };
  const marked = [...main.indices].sort((a, b) => a - b);
  const markedText = marked.map((i) => listed.items[i]!).join(' ');
  if (listed.prose) {
    // A told story: the marked problem counts fully, other problems little, the story around them as a story.
    const story = storyParts(listed.items, w.background);
    const parts = listed.items.map((text, i) => ({ text, weight: main.indices.includes(i) ? 1 : main.others?.includes(i) ? w.otherItems : story[i]?.weight ?? 1 }));
    return { sentences: [head, ...parts].filter((x) => x.text), mainAsk: { items: [], of: 0, text: markedText, marker: main.marker } };
  }
  const items = listed.items.map((text, i) => ({ text, weight: main.indices.includes(i) ? 1 : w.otherItems }));
  // Once the writer has said which item is the need, what surrounds the list is context, however short.
  const around = (text: string) => storySentences(text, w.background).map((x) => ({ text: withoutMarkers(x.text), weight: main.context?.includes(x.text) ? 1 : w.listContext }));
  const sentences = [head, ...around(listed.before), ...items, ...around(listed.after)].filter((x) => x.text);
  if (main.context) return { sentences, mainAsk: { items: [], of: 0, text: main.context, marker: main.marker } };
  return { sentences, mainAsk: { items: marked.map((i) => i + 1), of: listed.items.length, text: markedText, marker: main.marker } };
}

// The concept's name and its first product words: what a platform would call the remedy.
const glossOf = (id: string) => {
  const c = conceptById(id)!;
  return [c.zh, ...c.product.filter((w) => /[\u4e00-\u9fff]/.test(w)).slice(0, 3)].join(' ');
};

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

export function inferNeed(title: string, description: string, weights: SentenceWeights = EVEN_READING): InferredNeed {
  const need = readNeed(`${title}\n${circledAsNumbers(description)}`);
  const nl = need.text.indexOf('\n');
  const { sentences, mainAsk } = needSentences(need.text.slice(0, nl), need.text.slice(nl + 1), weights);
  const counts = new Map<string, number>();
  const glossed = new Map<string, number>();
  const consequences: Consequence[] = [];
  const translations: NeedSentence[] = [];
  for (const x of sentences) {
    const own = new Set<string>();
    for (const h of conceptHits(x.text)) {
      add(counts, h.concept, x.weight);
      own.add(h.concept);
      if (h.english) glossed.set(h.concept, Math.max(glossed.get(h.concept) ?? 0, x.weight));
    }
    // The post's English read in Chinese: its words for the lexical ranking, and any concept the
    // Chinese names that the English table did not already find in this sentence.
    const zh = englishGloss(x.text);
    if (zh) {
      translations.push({ text: zh, weight: x.weight });
      for (const h of conceptHits(zh)) if (!own.has(h.concept)) add(counts, h.concept, x.weight * weights.translated);
    }
    for (const c of readConsequences(x.text)) {
      consequences.push(c);
      for (const id of c.concepts) {
        add(counts, id, weights.consequence * x.weight);
        glossed.set(id, Math.max(glossed.get(id) ?? 0, x.weight));
      }
    }
  }
  const gloss =
    weights.gloss > 0
      ? [...translations.map((x) => ({ text: x.text, weight: weights.gloss * x.weight })), ...[...glossed].map(([id, w]) => ({ text: glossOf(id), weight: weights.gloss * weights.conceptGloss * w }))]
      : [];
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
    ...(mainAsk ? { mainAsk } : {}),
    consequences,
    gloss,
    domains: normalised(domains),
    technologies: normalised(technologies),
    industries: normalised(industries),
  };
}
