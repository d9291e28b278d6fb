import { plainTokens } from './text';

export interface Bm25Doc {
  id: string;
  text: string;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
  /** Defaults to plain jieba search-mode tokens, the baseline's definition. */
  tokenizer?: (text: string) => string[];
}

/** What the lexical baseline indexes for a platform: its description plus every solution. */
export function platformDocument(p: { description: string; solutions: readonly { title: string; description: string }[] }): string {
  return [p.description, ...p.solutions.flatMap((s) => [s.title, s.description])].join('\n');
}

/**
 * Okapi BM25 (k1 1.2, b 0.75, non-negative idf) over jieba tokens. It is the lexical baseline the
 * semantic matcher has to beat, so it is kept textbook-plain: no synonyms, no concepts.
 */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly docs: { id: string; tf: Map<string, number>; len: number }[];
  private readonly df = new Map<string, number>();
  private readonly avgLen: number;
  private readonly tokenize: (text: string) => string[];

  constructor(docs: readonly Bm25Doc[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    const tokenize = (this.tokenize = options.tokenizer ?? plainTokens);
    this.docs = docs.map((d) => {
      const tokens = tokenize(d.text);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { id: d.id, tf, len: tokens.length };
    });
    this.avgLen = this.docs.reduce((s, d) => s + d.len, 0) / Math.max(1, this.docs.length);
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    // The "+1" variant never goes negative, so a term in most documents still cannot hurt a match.
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Score of every document for the query, in index order. */
  scores(query: string): { id: string; score: number }[] {
    const q = new Set(this.tokenize(query));
    return this.docs.map((d) => {
      let s = 0;
      for (const t of q) {
        const f = d.tf.get(t);
        if (!f) continue;
        s += (this.idf(t) * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * d.len) / (this.avgLen || 1)));
      }
      return { id: d.id, score: s };
    });
  }

  /** Documents by descending score, ties by id. */
  search(query: string): { id: string; score: number }[] {
    return this.scores(query).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
