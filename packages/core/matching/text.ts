import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { ABBREVIATIONS } from './abbreviations';
import { ENGLISH_TERMS } from './english-terms';
import { THESAURUS } from './thesaurus';

// Function words plus the boilerplate both sides pad their texts with ("我们希望…", "平台提供…");
// they are frequent in every document and would only add noise to lexical similarity.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 了 和 与 及 或 等 在 是 有 也 都 就 还 又 要 把 被 让 对 从 向 到 给 为 以 于 由 而 并 但 却 很 太 更 最 再 才 只 ' +
    '这 那 这个 那个 这些 那些 什么 怎么 怎样 如何 哪 哪些 一个 一些 一下 一直 一样 能 能不能 可以 可能 会 想 想要 希望 需要 ' +
    '我们 我 你 您 他们 它 咱们 自己 大家 公司 企业 工厂 厂里 厂 目前 现在 现有 已经 还是 经常 总是 老是 每 各 各种 ' +
    '没有 不 没 不能 不会 无法 问题 情况 方面 时候 之后 之前 以后 以前 其中 通过 基于 实现 提供 支持 支撑 帮助 面向 ' +
    '服务 平台 系统 方案 解决方案 相关 进行 开展 具有 包括 用于 适用 适用于 全 多 少 大 小 高 低 好 新 老 里 上 下 中 ' +
    '内 外 前 后 时 年 月 天 次 个 台 条 家 件 种 套 批 就是 比如 例如 因为 所以 如果 虽然 但是 而且 并且 以及 同时 ' +
    '整个 整体 进一步 有效 快速 实时 全面 主要 重要 不同 相应 一定 非常 特别 比较 越来越 几 十几 几十 几百 上百'
  ).split(/\s+/),
);

// One segmenter per process: building it parses a ~5 MB dictionary, far too slow to repeat.
let segmenter: Jieba | undefined;

function jieba(): Jieba {
  if (!segmenter) {
    const j = Jieba.withDict(dict);
    // A high frequency makes the segmenter keep thesaurus terms whole ("预测性维护" not "预测性/维护"),
    // so lexical features line up with concept features.
    const words = new Set<string>();
    for (const c of THESAURUS) for (const t of [...c.pain, ...c.product]) if (/[\u4e00-\u9fff]/.test(t)) words.add(t);
    j.loadDict(new TextEncoder().encode([...words].map((w) => `${w} 200000`).join('\n')));
    segmenter = j;
  }
  return segmenter;
}

let plainSegmenter: Jieba | undefined;

/**
 * jieba search-mode tokens from the bundled dictionary alone: no thesaurus words, no stopwords.
 * This is the tokenisation the lexical baseline is defined with, kept separate so improving our
 * own tokeniser never silently changes the baseline it is compared against.
 */
export function plainTokens(text: string): string[] {
  plainSegmenter ??= Jieba.withDict(dict);
  return plainSegmenter.cutForSearch(text, true).filter((t) => t.trim() && /[\p{L}\p{N}]/u.test(t));
}

/** Full-width to half-width, lower case, so "ＡＧＶ" and "agv" are the same token. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const CJK = /[\u4e00-\u9fff]/;
const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}+._-]*$/u;

/** Content tokens: jieba words without stopwords, punctuation or lone CJK characters. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of jieba().cutForSearch(normalize(text), true)) {
    const t = raw.trim();
    if (!t || STOPWORDS.has(t) || !WORDISH.test(t)) continue;
    // A lone Han character is almost always a function word or a fragment of an unknown word.
    if (t.length === 1 && CJK.test(t)) continue;
    if (/^\d+$/.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** Overlapping Han-character bigrams; they survive segmentation mistakes and unseen words. */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

interface Matcher {
  readonly term: string;
  readonly concept: number;
  /** Product words and abbreviations name a solution; pain words name a problem. */
  readonly kind: 'pain' | 'product';
  readonly re?: RegExp;
  /** English words and phrases: a hit inside a longer English hit is the longer phrase's, not its own. */
  readonly english?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * An English word or phrase as written in a mixed post: any case (the text is lower-cased), words
 * joined by spaces, hyphens or nothing ("set-up", "set up", "setup"), and a plural on the last word.
 */
export function englishPattern(term: string): RegExp {
  const words = normalize(term).split(/[\s-]+/).filter(Boolean).map(escape);
  return new RegExp(`(?<![a-z0-9])${words.join('[\\s_-]*')}(?:s|es)?(?![a-z])`, 'g');
}

let matchers: Matcher[] | undefined;

const CONCEPT_INDEX = new Map(THESAURUS.map((c, i) => [c.id, i]));

function conceptMatchers(): Matcher[] {
  if (!matchers) {
    const list: Matcher[] = [];
    const add = (raw: string, concept: number, kind: Matcher['kind']) => {
      const term = normalize(raw);
      // Latin acronyms are matched as whole words so "ar" does not fire inside "smart".
      const re = /^[a-z0-9 &]+$/.test(term) ? new RegExp(`(?<![a-z0-9])${term}(?![a-z])`, 'g') : undefined;
      list.push({ term, concept, kind, re });
    };
    THESAURUS.forEach((c, i) => {
      const product = new Set(c.product);
      for (const raw of c.pain) if (!product.has(raw)) add(raw, i, 'pain');
      for (const raw of product) add(raw, i, 'product');
    });
    for (const a of ABBREVIATIONS)
      for (const id of a.concepts) {
        const i = CONCEPT_INDEX.get(id);
        if (i === undefined) throw new Error(`abbreviation ${a.abbr} names unknown concept ${id}`);
        add(a.abbr, i, 'product');
      }
    for (const [id, terms] of Object.entries(ENGLISH_TERMS)) {
      const i = CONCEPT_INDEX.get(id);
      if (i === undefined) throw new Error(`English terms name unknown concept ${id}`);
      const product = new Set(terms.product ?? []);
      const kinds: [string, Matcher['kind']][] = [...(terms.pain ?? []).filter((w) => !product.has(w)).map((w): [string, Matcher['kind']] => [w, 'pain']), ...[...product].map((w): [string, Matcher['kind']] => [w, 'product'])];
      for (const [w, kind] of kinds) list.push({ term: normalize(w), concept: i, kind, re: englishPattern(w), english: true });
    }
    matchers = list;
  }
  return matchers;
}

export interface ConceptHit {
  concept: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  kind: 'pain' | 'product';
  /** Found through the English term table. */
  english?: true;
}

/** Every occurrence of a thesaurus or abbreviation term in the (normalised) text. */
export function conceptHits(text: string): ConceptHit[] {
  const t = normalize(text);
  const hits: ConceptHit[] = [];
  const english: ConceptHit[] = [];
  // Latin text is rare in a post; skip the English patterns when there is none.
  const latin = /[a-z]{2}/.test(t);
  for (const m of conceptMatchers()) {
    const concept = THESAURUS[m.concept]!.id;
    if (m.english) {
      if (!latin) continue;
      m.re!.lastIndex = 0;
      for (let r = m.re!.exec(t); r; r = m.re!.exec(t)) english.push({ concept, start: r.index, end: r.index + r[0].length, kind: m.kind, english: true });
    } else if (m.re) {
      m.re.lastIndex = 0;
      for (let r = m.re.exec(t); r; r = m.re.exec(t)) hits.push({ concept, start: r.index, end: r.index + r[0].length, kind: m.kind });
    } else {
      for (let at = t.indexOf(m.term); at >= 0; at = t.indexOf(m.term, at + m.term.length))
        hits.push({ concept, start: at, end: at + m.term.length, kind: m.kind });
    }
  }
  // "predictive maintenance" is one need, not also a mention of maintenance records.
  // Spellings of one term ("set-up time", "setup time") find the same span once.
  const spans = new Map(english.map((h) => [`${h.concept}:${h.start}:${h.end}`, h]));
  for (const h of spans.values())
    if (!english.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start)) hits.push(h);
  return hits;
}

/** How often each concept's surface words occur in the text, keyed by concept id. */
export function conceptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of conceptHits(text)) counts.set(h.concept, (counts.get(h.concept) ?? 0) + 1);
  return counts;
}

/** Ids of the thesaurus concepts the text mentions, in thesaurus order. */
export function concepts(text: string): string[] {
  const counts = conceptCounts(text);
  return THESAURUS.filter((c) => counts.has(c.id)).map((c) => c.id);
}
