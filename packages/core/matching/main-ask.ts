import { englishGloss } from './english-glossary';
import { charBigrams, conceptCounts } from './text';
import { conceptById } from './thesaurus';

/**
 * Posts that list several problems ("1. 排产靠人 2. 质量追溯难 3. 能耗高，其中第2条最急") ask for one
 * thing first. Read as one bag of words, the ranking follows whichever item has the most vocabulary;
 * the writer's own priority marker says which item is the need. This module finds the items and the
 * marked one; infer.ts weighs the sentences accordingly.
 */
export interface ListedNeed {
  /** Text before the first item (company, context). */
  before: string;
  items: string[];
  /** Text after the last item's sentence (often "其中…最急"). */
  after: string;
  /** Items carry numbers or list words (1. 2., 一是 二是, 首先 其次): the writer meant a list. */
  numbered?: boolean;
  /** Items are lettered (A, B, C), so "先做B" names one. */
  lettered?: boolean;
  /**
   * Not a list at all: the sentences of a post that tells its problems one after another ("还有就是…",
   * "另外…") and marks one in passing. Its parts have no numbers to refer to.
   */
  prose?: boolean;
}

export interface MainAsk {
  /** 0-based indexes of the marked items (usually one: "优先是一和二" marks two). */
  indices: number[];
  /** The words that marked it ("最急", "优先", "urgent"). */
  marker: string;
  /**
   * In a told story, the parts that tell another problem; the rest is the story around the marked
   * one. Absent for a list, whose every other item is another problem.
   */
  others?: number[];
  /** The sentence before or after the list that tells the marked problem itself (then `indices` is empty). */
  context?: string;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'];
const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

// Each family writes the k-th item marker its own way; k is 1-based. Arabic markers must not be a
// decimal ("1.5天") or part of a larger number ("11."), and "第1" is a reference, not a marker.
const FAMILIES: readonly ((k: number) => RegExp)[] = [
  (k) => new RegExp(`(?<![\\d.第])[(（]?${k}\\s*[.、．)）:：](?!\\d)`, 'g'),
  (k) => new RegExp(CIRCLED[k - 1]!, 'g'),
  (k) => new RegExp(`(?<![第统唯万之])${CN[k - 1]}(?:是|、|来[，,])`, 'g'),
  (k) => new RegExp(`第${CN[k - 1]}(?:[，,、：:]|是|个问题|个是|点|条[，,、：:]|件事|件|桩|块)`, 'g'),
  (k) => new RegExp(`[(（]${CN[k - 1]}[)）]`, 'g'),
  // Spoken lists: "首先…其次…最后…", "一个是…另一个是…还有一个是…"
  (k) => new RegExp(['首先', '其次', '(?:再次|然后|再者|另外|最后)', '最后'][k - 1] ?? '(?!)', 'g'),
  (k) => new RegExp(['一个是', '(?:另一个是|另外一个是|再一个是|第二个是|二一个是|还有一个是)', '(?:还有一个是|再一个是|另外还有|还有就是|第三个是)', '(?:还有|另外|最后)'][k - 1] ?? '(?!)', 'g'),
  (k) => new RegExp(`其${CN[k - 1]}[，,、：:是]`, 'g'),
  // Typed on a phone without punctuation: "说几个 一 蒸汽单耗高 二 真空泵老坏 三 纸卷仓库", "1 排产乱 2 …"
  (k) => new RegExp(`(?<=^|\\s)(?:${CN[k - 1]}\\s+(?=\\S)|${k}\\s+(?=[\\u4e00-\\u9fff]))`, 'g'),
  (k) => new RegExp(`(?<![a-z])${LETTERS[k - 1]}\\s*[.、．)）:：\\s](?![a-z])`, 'gi'),
];
/** Index of the lettered family ("A … B … C …"), whose references are letters too. */
const LETTERED = FAMILIES.length - 1;

/** NFKC turns "①" into "1"; written as "(1)" the item numbers survive normalisation. */
export const circledAsNumbers = (text: string) => text.replace(/[①-⑧]/g, (c) => `(${c.charCodeAt(0) - 0x2460 + 1})`);

const BULLET = /^\s*[-•·*●▪]\s*/;

/** Positions of markers 1, 2, 3… in order; stops at the first number that does not follow. */
function sequence(text: string, family: (k: number) => RegExp): { at: number; end: number }[] {
  const found: { at: number; end: number }[] = [];
  let from = 0;
  for (let k = 1; k <= 8; k++) {
    const re = family(k);
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    found.push({ at: m.index, end: m.index + m[0].length });
    from = m.index + m[0].length;
  }
  return found;
}

// The last item runs to the end of its line, or of its sentence when the list is written inline.
function lastItemEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  if (nl >= 0) return nl;
  const m = /[。！？!?]/.exec(text.slice(from));
  return m ? from + m.index + 1 : text.length;
}

/**
 * A list written as one sentence (`parts`, found by `m` in `body`): the parts between semicolons at
 * least `minLength` long, when there are two or more; the text up to `listAt` comes before it.
 */
function semicolonList(body: string, m: RegExpExecArray, parts: string, listAt: number, minLength: number): ListedNeed | undefined {
  const items = parts.split(/[;；]/).map((x) => x.trim()).filter((x) => x.length >= minLength);
  return items.length >= 2 ? { before: body.slice(0, listAt).trim(), items, after: body.slice(m.index + m[0].length).trim() } : undefined;
}

/** The items of a listed post, or undefined when the post is not a list of two or more items. */
export function splitItems(body: string): ListedNeed | undefined {
  let best: { at: number; end: number }[] = [];
  let family = -1;
  FAMILIES.forEach((f, i) => {
    const s = sequence(body, f);
    if (s.length > best.length) [best, family] = [s, i];
  });
  if (best.length >= 2) {
    const items = best.map((m, i) => body.slice(m.end, i + 1 < best.length ? best[i + 1]!.at : lastItemEnd(body, m.end)).trim());
    const end = lastItemEnd(body, best.at(-1)!.end);
    return { before: body.slice(0, best[0]!.at).trim(), items, after: body.slice(end).trim(), numbered: true, ...(family === LETTERED ? { lettered: true } : {}) };
  }
  // "三个问题：窑尾排放超标；原料车排长队；空压机电耗大。" — a list written as one sentence.
  const inline = /[:：]([^。！？!?\n]*[;；][^。！？!?\n]*)[。！？!?\n]?/.exec(body);
  const colonList = inline && semicolonList(body, inline, inline[1]!, inline.index + 1, 1);
  if (colonList) return colonList;
  // "熔炼配料靠经验；质量档案对不上；电费高。" — the same without the colon: a sentence of parts split by
  // semicolons. Only a priority marker makes it matter, so a story that uses semicolons loses nothing.
  const semi = /[^。！？!?\n]*[;；][^。！？!?\n]*[。！？!?\n]?/.exec(body);
  const bareList = semi && semicolonList(body, semi, semi[0].replace(/[。！？!?\n]$/, ''), semi.index, 4);
  if (bareList) return bareList;
  const lines = body.split('\n');
  const bullets = lines.map((l, i) => (BULLET.test(l) ? i : -1)).filter((i) => i >= 0);
  if (bullets.length >= 2) {
    const first = bullets[0]!;
    const last = bullets.at(-1)!;
    return {
      before: lines.slice(0, first).join('\n').trim(),
      items: bullets.map((i) => lines[i]!.replace(BULLET, '').trim()),
      after: lines.slice(last + 1).join('\n').trim(),
    };
  }
  return undefined;
}

// Where a told story turns to its next problem: "…，还有就是…", "…另外…", "…对了…", "再一个…".
const NEXT_PROBLEM = /^(?:还有|另外|对了|再就是|再有|再一个|再说|此外|另一个|其次|然后就是|[二三四五]是|第[二三四五])/;

/**
 * The parts of a post that tells several problems without numbering them. Typed on a phone, clauses
 * are split by spaces as often as by commas: a part runs from a clause that turns to the next problem
 * (or carries a priority marker) to the next such clause or the end of its sentence. Read only when
 * a part is marked (see findMainAsk).
 */
export function proseItems(body: string): ListedNeed | undefined {
  const items: string[] = [];
  for (const sentence of body.split(/(?<=[。！？!?；;\n])/)) {
    let part = '';
    for (const clause of sentence.split(/(?<=[，,])|\s+/)) {
      const c = clause.trim();
      if (!c) continue;
      if (part && (NEXT_PROBLEM.test(c) || (markerIn(c)?.strength ?? 0) >= 2)) {
        items.push(part);
        part = '';
      }
      part += (part && !/[，,]$/.test(part) ? ' ' : '') + c;
    }
    if (part) items.push(part);
  }
  const parts = items.map((x) => x.replace(/[，,]$/, '').trim()).filter((x) => x.length >= 2);
  return parts.length >= 2 ? { before: '', items: parts, after: '', prose: true } : undefined;
}

// Strength 3: the writer says this one is the most urgent; 2: do this first; 1: it is pressing.
const MARKERS: readonly [RegExp, number][] = [
  [/最让(?:我|我们|人|老板|大家)?(?:睡不着(?:觉)?|头疼|头痛|发愁|犯愁|担心|着急|揪心|上火|闹心)|最(?:急|紧(?![张密固凑])|紧急|紧迫|当紧|着急|要紧|要命|揪心|犯愁|发愁|上火|头疼|头痛|头大|闹心|烦|痛|难受|迫切|棘手|关键|重要|优先|担心|怕|想解决|需要解决|先要解决|该解决|想先(?:弄|做|搞|解决|上|办|管|改)|大的(?:问题|痛点|麻烦|难题|心病))|[(（]\s*(?:急|最急|紧急|加急|特急|优先)\s*[)）]|当务之急|燃眉之急|重中之重|头等大事|头等|头号|排(?:在)?第一|放(?:在)?第一|第一位|第一要务|第一要紧|首要|迫在眉睫|火烧眉毛|拖不得|等不了|等不得|不能(?:再)?等|优先级最高|最高优先|首当其冲|顶要紧|第一优先|只能(?:先)?(?:做|干|搞|上|选|解决|弄)一(?:件|个|样|项|条|桩)|要命的是|最致命|致命的是|拖不起|等不起|一号工程|列为首(?:要|期|批|位)|(?:放|排|摆)(?:在)?(?:所有|其他|别的)?(?:事|事情)?(?:的)?(?:最前(?:面|头|边)?|前(?:面|头|边))|命根子|(?:都|全)白搭|(?:任务|计划|清单|名单|排序)(?:里|中|上)(?:的)?第一(?:项|条|件|个)|排(?:在)?首位|放(?:在)?首位|第一顺位|刻不容缓|压倒一切|十万火急|火急火燎|一天(?:都)?(?:等不了|拖不起|拖不得)|不能再拖|most urgent|most pressing|top of (?:the|my|our) list|number one|\bp1\b|main (?:pain|problem|issue|concern)|biggest concern|top priority|highest priority|first priority|number one priority|most important|biggest (?:pain|problem|issue|headache)|\burgent\b|\bcritical\b|\bblocker\b|\basap\b|\bp0\b/i, 3],
  [/优先|首期|按(?:照)?(?:轻重)?(?:缓急|急的顺序|紧急程度|优先级)|(?:从|由)急到缓|(?<=[1-8一二三四五六七八](?:条|个|项|号)?)(?:在前|排前|靠前|打头)|(?<=[1-8一二三四五六七八](?:条|个|项|件|桩))(?:最)?急|(?:盯|催|追|问)得(?:最)?紧|(?:其(?:他|余)|别的)(?:的|几[条个件项样])?(?:都)?(?:可以|能)?(?:先)?(?:缓一缓|缓缓|放一放|往后放|往后排|慢慢来|不急)|(?:其(?:他|余)|别的)(?:的|几[条个件项样]|[两三][条个件项样]|事项|问题)?(?:都)?(?:可以|能)?(?:分步|逐步|后续|以后|往后|回头|后面|明年|下半年)(?:再)?(?:推进|说|议|解决|考虑|弄|搞|做|上)|再[出有发生来犯断错漏坏停丢超掉退]{1,2}一(?:次|回|批)(?:就|的话|，|,)|就(?:要)?(?:被)?(?:换人|换点|换掉|换供应商|减(?:配额|量)|下架|停供|停产(?:整顿)?|丢单|没(?:单子|订单|单)|取消(?:资格|订单)|砍单|转单|给别人|给别家)|先(?:要)?(?:解决|把|搞|弄|处理|做|办|上|抓|改|管|动|干|整|治|紧着|顾|落地|启动|上马|实施|推进)|首先(?:要|得|想)|近期重点|(?:今|本)年(?:度)?(?:的)?(?:首要|重点)|主攻|\bfocus (?:on|在)|先\s*focus|\bfirst thing\b|必须先|要先|想先|该先|最先|头一(?:件|个|桩|条)|第一步|\bpriority\b|\bfirst of all\b/i, 2],
  [/急需|急着|很急|比较急|急的是|着急的是|眼下|马上要|亟需|亟待|卡脖子|重点是|关键是|核心是|主要是想|尽快|紧迫|迫切|急迫|要紧(?!急)|吃紧|告急|尤其是|特别是|\bpressing\b|\bhigh priority\b/i, 1],
];

const ANY_MARKER = new RegExp(MARKERS.map(([re]) => re.source).join('|'), 'gi');

/**
 * The text without its priority words: "优先级：第2项为近期重点" says which item, not what is needed,
 * and a platform that happens to write "优先" must not look closer for it.
 */
export const withoutMarkers = (text: string) => text.replace(ANY_MARKER, ' ');

interface Marker {
  marker: string;
  strength: number;
  at: number;
}

function markerIn(text: string): Marker | undefined {
  for (const [re, strength] of MARKERS) {
    const m = re.exec(text);
    if (m) return { marker: m[0], strength, at: m.index };
  }
  return undefined;
}

const EVERY_MARKER = MARKERS.map(([re, strength]) => [new RegExp(re.source, 'gi'), strength] as const);

/** Every marker in a sentence, strongest first: "其他都可以缓缓，1要先解决" names its item with the second. */
function markersIn(text: string): Marker[] {
  return EVERY_MARKER.flatMap(([re, strength]) => [...text.matchAll(re)].map((m) => ({ marker: m[0], strength, at: m.index })));
}

// The marker words themselves may contain a number ("排第一", "第一位"): references are read around them.
const withoutMarker = (s: string, m: Marker) => `${s.slice(0, m.at)} ${s.slice(m.at + m.marker.length)}`;

const NUMBER: Record<string, number> = Object.fromEntries([
  ...CN.map((c, i) => [c, i]),
  ...CIRCLED.map((c, i) => [c, i]),
  ...Array.from({ length: 8 }, (_, i) => [String(i + 1), i]),
]);

/**
 * A bare item number ("先做3", "优先是一和二") — not a number that goes on, nor one before a measure
 * word: "做一件" is "do one thing", "上一次" "last time".
 */
const BARE_NUMBER = '([1-8一二三四五六七八])(?![\\d.万千百十个%天年月件下点些次遍样种把台批回])';

/** A number right after a marker whose verb takes it: "先抓二", "先上③". */
const NUMBER_FIRST = new RegExp(`^\\s*${BARE_NUMBER}`);
/** A number standing alone right before the marker: "二排第一", "3最急", "2是当务之急" (not "一插单最急"'s "一插"). */
const NUMBER_BEFORE = /(?:^|[\s，,。；;：:])([1-8一二三四五六七八])\s*(?:是|就是|才是|为)?\s*$/;

// "第2条", "第二个", "②" or "(2)", "问题3", "item 2", "#2", "2号"
const REFERENCE = new RegExp(
  [
    '第\\s*([1-8一二三四五六七八])\\s*(?:条|个|项|点|件|类|号)?',
    '([①-⑧])',
    '(?:问题|痛点|需求|item|no\\.?|#)\\s*([1-8])',
    '(?<![\\d.])([1-8])\\s+is\\b',
    '([1-8])\\s*号',
    '[(（]?([1-8])[)）]',
    '[(（]([一二三四五六七八])[)）]',
    // "头一条要是解决不了", "二是那个再出一次", "二那块我来拍板"
    '头(一)(?:条|项|个|件|桩)',
    '(?:^|[，,。：:\\s])([1-8一二三四五六七八])是?那(?:个|条|件|块|项|摊)',
    // "排第一的是2", "优先是一和二", "先做3"
    `(?:是|做|办|解决|搞|上|抓|弄|改|管|处理)\\s*${BARE_NUMBER}`,
    `(?:和|、|跟|及)\\s*${BARE_NUMBER}`,
  ].join('|'),
  'gi',
);

/** The items a priority sentence names by number ("第2条", "②", "是一和二"), in order. */
function referencedItems(sentence: string, count: number, lettered: boolean): number[] {
  const out: number[] = [];
  const push = (n: number | undefined) => {
    if (n !== undefined && n < count && !out.includes(n)) out.push(n);
  };
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(sentence); m; m = REFERENCE.exec(sentence)) push(NUMBER[m.slice(1).find((g) => g !== undefined)!]);
  if (lettered) for (const m of sentence.matchAll(/(?<![a-z])([a-h])(?![a-z])/gi)) push(LETTERS.indexOf(m[1]!.toLowerCase()));
  if (/最后(?:一|那)(?:条|个|件|项|点)|最后说的|最后这(?:条|个|件)|(?:后头|后边|后面|最后)(?:那|这)(?:个|条|件|项)/.test(sentence)) push(count - 1);
  if (count === 3 && /中间(?:那|这)(?:个|条|件|项)/.test(sentence)) push(1);
  const firstTwo = /前(两|三)(?:条|个|件|项|点)/.exec(sentence);
  if (firstTwo) for (let i = 0; i < (firstTwo[1] === '两' ? 2 : 3); i++) push(i);
  return out;
}

const sentencesOf = (text: string) => text.split(/(?<=[。！？!?；;\n])/).map((s) => s.trim()).filter(Boolean);

/** Which item a priority sentence that names no number is about: the one it shares concepts, else words, with. */
function mostLike(sentence: string, items: readonly string[]): number | undefined {
  const concepts = conceptCounts(sentence);
  // "Service 这块先上" names the item "售后报修、服务报告…" in English.
  const grams = new Set(charBigrams(`${sentence} ${englishGloss(sentence)}`));
  let best: number | undefined;
  let bestScore = 0;
  items.forEach((item, i) => {
    const c = conceptCounts(item);
    const shared = [...concepts.keys()].filter((k) => c.has(k)).length;
    const g = charBigrams(item).filter((b) => grams.has(b)).length;
    const score = shared * 10 + g;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

// Clauses end at punctuation, or (typed on a phone) at a space between Chinese words.
const CLAUSE_STOP = /[，,；;：:。！？!?]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g;

/**
 * The clause a marker sits in, without the marker: the need it names may come after it ("最急的是仓库")
 * or before it ("质检记录最紧迫"), but not from the next clause over.
 */
function clauseAt(sentence: string, at: number, length: number): string {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_STOP)) {
    if (m.index < at) from = m.index + m[0].length;
    else if (m.index >= at + length) {
      to = m.index;
      break;
    }
  }
  const clause = `${sentence.slice(from, at)} ${sentence.slice(at + length, to)}`.trim();
  return clause || sentence;
}

/** The item the writer marks as most urgent, if any. */
export function findMainAsk(listed: ListedNeed): MainAsk | undefined {
  if (listed.prose) return markedPart(listed.items);
  const n = listed.items.length;
  const lettered = listed.lettered ?? false;
  let best: (MainAsk & { strength: number }) | undefined;
  const consider = (indices: number[], m: { marker: string; strength: number }, context?: string) => {
    if ((indices.length || context) && (!best || m.strength > best.strength)) best = { indices, marker: m.marker, strength: m.strength, ...(context ? { context } : {}) };
  };
  // Outside the list first: "其中第2条最急" or "最急的是排产" speaks about the items.
  const before = sentencesOf(listed.before);
  for (const [s, isBefore] of [...before.map((s) => [s, true] as const), ...sentencesOf(listed.after).map((s) => [s, false] as const)]) {
    for (const m of markersIn(s)) {
      // "第二个急 第一个慢慢来": the marker's own clause names its item before the rest of the sentence does.
      const own = referencedItems(clauseAt(s, m.at, m.marker.length), n, lettered);
      const named = own.length ? own : referencedItems(withoutMarker(s, m), n, lettered);
      // "先抓二", "先上③": the marker's own verb takes the number right after it.
      const bare = named.length ? undefined : (NUMBER_FIRST.exec(s.slice(m.at + m.marker.length)) ?? NUMBER_BEFORE.exec(s.slice(0, m.at)));
      if (bare && NUMBER[bare[1]!]! < n) named.push(NUMBER[bare[1]!]!);
      // The marker's own clause names the item; when it names nothing ("要是只能先干一件，就干图纸这件"),
      // the rest of its sentence does.
      const like = named.length ? undefined : (mostLike(clauseAt(s, m.at, m.marker.length), listed.items) ?? mostLike(withoutMarker(s, m), listed.items));
      // "最急的有这么几件：" right before the list, naming none: the first item is meant.
      const first = isBefore && s === before.at(-1) ? [0] : [];
      // "最想先弄的是收购这块：过秤定级全靠手写。后面还有：…": the marked problem is told outside the list.
      const told = !named.length && like === undefined && !first.length && conceptCounts(withoutMarker(s, m)).size > 0;
      consider(named.length ? named : like !== undefined ? [like] : first, m, told ? s : undefined);
    }
  }
  // Inside an item a cue word may be part of the problem's own story ("要先把模具预热"), so it
  // counts only when nothing outside the list marked an item as strongly.
  listed.items.forEach((item, i) => {
    const m = markerIn(item);
    if (!m) return;
    const own = referencedItems(clauseAt(item, m.at, m.marker.length), n, lettered);
    const named = own.length ? own : referencedItems(withoutMarker(item, m), n, lettered);
    consider(named.length ? named : [i], { marker: m.marker, strength: m.strength - 0.5 });
  });
  if (!best) return loneReference(listed, n, lettered);
  return { indices: best.indices, marker: best.marker, ...(best.context ? { context: best.context } : {}) };
}

/** What the reason names as the marker when the writer pointed at the item without a marker word. */
const POINTED = '（未用标注词，按所指条目）';

// Putting an item off ("第三条可以缓缓", "二明年再说") also names it by number.
const PUT_OFF = /缓|不急|以后|明年|往后|慢慢|再说|放一放|先不|暂不|不着急|可以等|later/i;

/**
 * No marker the reader knows, but a sentence around the list names exactly one item by its number
 * ("第3条是命根子", "② — 客户下周来审") or, after a numbered list, by its words: around a list, a
 * writer points back at an item to rank it.
 */
function loneReference(listed: ListedNeed, n: number, lettered: boolean): MainAsk | undefined {
  for (const s of [...sentencesOf(listed.after), ...sentencesOf(listed.before)]) {
    if (PUT_OFF.test(s)) continue;
    const named = referencedItems(s, n, lettered);
    if (named.length === 1) return { indices: named, marker: POINTED };
  }
  // After a numbered list, a sentence that names one item's topic ("压缩机那件事，下周复查") points at it;
  // parts a story split at its semicolons are no list, and a remark after them ranks nothing.
  if (!listed.numbered) return undefined;
  for (const s of sentencesOf(listed.after)) {
    if (PUT_OFF.test(s)) continue;
    const like = mostLike(s, listed.items);
    if (like !== undefined) return { indices: [like], marker: POINTED };
  }
  return undefined;
}

/** Only "the most urgent" singles out a part of a story: "先…" and "优先" are too common in one-need posts. */
const PROSE_STRENGTH = 3;

/**
 * The marked part of a told story: the part with the strongest marker and the parts that tell the
 * same problem ("注塑机三天两头停，一停半天。…最急的是停机。"), apart from the parts that tell another;
 * a marker that names nothing ("这个最急") points back at the part before it.
 */
function markedPart(parts: readonly string[]): MainAsk | undefined {
  // A story that turns to a next problem ("另外…", "还有…") is a list told aloud: "先弄这个" then marks.
  const threshold = parts.some((p) => NEXT_PROBLEM.test(p)) ? 2 : PROSE_STRENGTH;
  let best: (Marker & { i: number }) | undefined;
  parts.forEach((p, i) => {
    const m = markerIn(p);
    if (m && m.strength >= threshold && (!best || m.strength > best.strength)) best = { i, ...m };
  });
  if (!best) return undefined;
  const part = parts[best.i]!;
  const inClause = conceptCounts(clauseAt(part, best.at, best.marker.length));
  const named = inClause.size ? inClause : conceptCounts(withoutMarker(part, best));
  if (named.size === 0) return { indices: [best.i > 0 ? best.i - 1 : best.i], marker: best.marker };
  // Broad concepts ("别太贵", industry words) colour a problem without being one.
  const problems = (text: string) => [...conceptCounts(text).keys()].filter((k) => (conceptById(k)?.weight ?? 1) >= 1);
  const marked = new Set(problems(part));
  const others: number[] = [];
  const same: number[] = [];
  parts.forEach((p, i) => {
    const c = problems(p);
    if (i === best!.i || !c.length) return;
    (c.some((k) => marked.has(k)) ? same : others).push(i);
  });
  return { indices: [best.i, ...same], marker: best.marker, others };
}
