import { charBigrams, tokenize } from './text';

/** A platform as the lexical index sees it: three fields of different evidential weight. */
export interface LexicalDoc {
  id: string;
  profile: string;
  titles: readonly string[];
  texts: readonly string[];
}

export interface LexicalOptions {
  k1: number;
  b: number;
  /** Per-field multipliers of term frequency (BM25F). */
  title: number;
  text: number;
  profile: number;
  /** Share of the Han-bigram view beside the word view. */
  bigram: number;
}

export const DEFAULT_LEXICAL: LexicalOptions = { k1: 1.2, b: 0.75, title: 2, text: 1, profile: 0.6, bigram: 0.5 };

type Field = 'title' | 'text' | 'profile';
const FIELDS: readonly Field[] = ['title', 'text', 'profile'];

interface View {
  tf: Map<string, number>[][]; // [doc][field]
  len: number[][];
  avg: number[];
  df: Map<string, number>;
}

function buildView(docs: readonly LexicalDoc[], terms: (s: string) => string[]): View {
  const tf: Map<string, number>[][] = [];
  const len: number[][] = [];
  const df = new Map<string, number>();
  for (const d of docs) {
    const fields = [d.titles.join('\n'), d.texts.join('\n'), d.profile].map(terms);
    tf.push(
      fields.map((ts) => {
        const m = new Map<string, number>();
        for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
        return m;
      }),
    );
    len.push(fields.map((ts) => ts.length));
    for (const t of new Set(fields.flat())) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const avg = FIELDS.map((_, f) => len.reduce((s, l) => s + l[f]!, 0) / Math.max(1, docs.length) || 1);
  return { tf, len, avg, df };
}

export interface LexicalScore {
  /** In [0, 1]: the raw score over the best candidate's for this query. */
  value: number;
  /** The matched words that contributed most, best first. */
  terms: string[];
}

/**
 * BM25F over two views of every platform: jieba words (thesaurus terms kept whole) and overlapping
 * Han bigrams, which still meet when segmentation splits an unfamiliar word differently on the two
 * sides. Solution titles count more than solution texts, the platform profile less: a title names
 * what is on offer, a profile lists everything the company has ever done.
 */
export class LexicalIndex {
  private readonly words: View;
  private readonly bigrams: View;
  readonly ids: readonly string[];

  constructor(
    docs: readonly LexicalDoc[],
    private readonly o: LexicalOptions = DEFAULT_LEXICAL,
  ) {
    this.ids = docs.map((d) => d.id);
    this.words = buildView(docs, tokenize);
    this.bigrams = buildView(docs, charBigrams);
  }

  private viewScores(v: View, query: Map<string, number>, credit?: Map<string, number>[]): number[] {
    const n = this.ids.length;
    const weight = [this.o.title, this.o.text, this.o.profile];
    return this.ids.map((_, d) => {
      let s = 0;
      for (const [t, qw] of query) {
        let ctf = 0;
        for (let f = 0; f < 3; f++) {
          const x = v.tf[d]![f]!.get(t);
          if (x) ctf += (weight[f]! * x) / (1 - this.o.b + (this.o.b * v.len[d]![f]!) / v.avg[f]!);
        }
        if (!ctf) continue;
        const df = v.df.get(t) ?? 0;
        const c = qw * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (ctf / (this.o.k1 + ctf));
        s += c;
        if (credit) credit[d]!.set(t, (credit[d]!.get(t) ?? 0) + c);
      }
      return s;
    });
  }

  /** Scores every indexed platform for a query whose words carry weights (title words count more). */
  score(query: readonly { text: string; weight: number }[]): Map<string, LexicalScore> {
    const wq = new Map<string, number>();
    const bq = new Map<string, number>();
    for (const part of query) {
      for (const t of new Set(tokenize(part.text))) wq.set(t, Math.max(wq.get(t) ?? 0, part.weight));
      for (const t of new Set(charBigrams(part.text))) bq.set(t, Math.max(bq.get(t) ?? 0, part.weight));
    }
    const credit = this.ids.map(() => new Map<string, number>());
    const w = this.viewScores(this.words, wq, credit);
    const b = this.viewScores(this.bigrams, bq);
    const raw = w.map((x, i) => x + this.o.bigram * b[i]!);
    const max = Math.max(0, ...raw);
    return new Map(
      this.ids.map((id, i) => [
        id,
        {
          value: max > 0 ? raw[i]! / max : 0,
          terms: [...credit[i]!].sort((a, c) => c[1] - a[1]).slice(0, 5).map(([t]) => t),
        },
      ]),
    );
  }
}
