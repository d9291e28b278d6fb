import { idf as idfBytes } from '@node-rs/jieba/dict.js';
import { THESAURUS } from '#core/matching/thesaurus';
import { charBigrams, conceptCounts, tokenize } from '#core/matching/text';
import type { Embedder } from './port';

/** Relative strength of each feature family; exposed so the benchmark can explore them. */
export interface LocalEmbedderOptions {
  dimensions?: number;
  tokenWeight?: number;
  bigramWeight?: number;
  conceptWeight?: number;
  /** Taxonomy domain implied by a concept: lets different concepts of one domain meet partway. */
  conceptDomainWeight?: number;
  conceptTechnologyWeight?: number;
}

const DEFAULTS: Required<LocalEmbedderOptions> = {
  dimensions: 512,
  tokenWeight: 1,
  bigramWeight: 0.25,
  conceptWeight: 3,
  conceptDomainWeight: 0.8,
  conceptTechnologyWeight: 0.6,
};

// jieba's IDF table comes from general Chinese text; its median stands in for unseen words, which
// in this corpus are mostly specific industrial terms and deserve to count.
const IDF_DEFAULT = 11.95;
const IDF_SCALE = 12;
let idfTable: Map<string, number> | undefined;

function idf(token: string): number {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of new TextDecoder().decode(idfBytes).split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) idfTable.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
  }
  return (idfTable.get(token) ?? IDF_DEFAULT) / IDF_SCALE;
}

/** FNV-1a over UTF-16 code units: stable across processes and platforms, unlike Math.random. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const sublinear = (tf: number) => 1 + Math.log(tf);

const CONCEPTS = new Map(THESAURUS.map((c) => [c.id, c]));

/**
 * Offline, deterministic embedder: a hashed bag of features (jieba tokens, Han bigrams and thesaurus
 * concepts). Concepts carry most of the weight because they are what lets "经常突发停机" meet
 * "预测性维护" when the two texts share no word.
 */
export class LocalEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private readonly o: Required<LocalEmbedderOptions>;

  constructor(options: LocalEmbedderOptions = {}) {
    this.o = { ...DEFAULTS, ...options };
    this.dimensions = this.o.dimensions;
    const tuned = Object.keys(options).some((k) => k !== 'dimensions');
    // Different weights give incomparable vectors, so they must not share a model id.
    this.modelId = `local-hash-v1-${this.dimensions}${tuned ? `-${fnv1a(JSON.stringify(this.o)).toString(16)}` : ''}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  /** The weighted features before hashing; useful to explain a similarity. */
  features(text: string): Map<string, number> {
    const f = new Map<string, number>();
    const add = (key: string, w: number) => f.set(key, (f.get(key) ?? 0) + w);

    const tf = new Map<string, number>();
    for (const t of tokenize(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) add(`t:${t}`, this.o.tokenWeight * sublinear(n) * idf(t));

    const bf = new Map<string, number>();
    for (const b of charBigrams(text)) bf.set(b, (bf.get(b) ?? 0) + 1);
    for (const [b, n] of bf) add(`b:${b}`, this.o.bigramWeight * sublinear(n));

    const domains = new Map<string, number>();
    const techs = new Map<string, number>();
    for (const [id, n] of conceptCounts(text)) {
      const c = CONCEPTS.get(id)!;
      const w = (c.weight ?? 1) * (1 + 0.5 * Math.log(n));
      add(`c:${id}`, this.o.conceptWeight * w);
      if (c.domain) domains.set(c.domain, Math.max(domains.get(c.domain) ?? 0, w));
      if (c.technology) techs.set(c.technology, Math.max(techs.get(c.technology) ?? 0, w));
    }
    for (const [d, w] of domains) add(`d:${d}`, this.o.conceptDomainWeight * w);
    for (const [k, w] of techs) add(`k:${k}`, this.o.conceptTechnologyWeight * w);
    return f;
  }

  private embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const [key, w] of this.features(text)) {
      const h = fnv1a(key);
      // The sign bit keeps collisions unbiased: colliding features cancel on average instead of
      // inflating the similarity of unrelated texts.
      v[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * w;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }
}

export function createLocalEmbedder(options?: LocalEmbedderOptions): Embedder {
  return new LocalEmbedder(options);
}
