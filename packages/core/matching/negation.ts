import { conceptHits, normalize } from './text';

/**
 * What a manufacturer asks for, with what they rule out taken away. "不想上大而全的MES，只想把报工
 * 做起来" must not pull MES vendors up; "希望以后不用再人工抄表" still asks for automatic data
 * collection. So a rejected clause keeps only the pain words it is phrased around, and a denial
 * ("问题不是设备，而是排产", "不缺数据，缺的是…") drops the whole clause.
 */
export interface NeedText {
  /** The normalised text with ruled-out words blanked; what the ranking reads. */
  text: string;
  /** Surface words that were ruled out, in order of appearance (for the match reasons). */
  excluded: string[];
}

// "不是 X" denies X entirely: whatever it names, the need lies elsewhere.
const DENIAL = ['不是', '并非', '并不是', '倒不是', '不在于', '而不是', '不缺', '并不缺', '谈不上'];
// Rejections of a solution or an action: only the pain words of the clause stay.
const REJECTION = [
  '不需要', '不想要', '不想', '不打算', '不准备', '不考虑', '不愿意', '不愿', '不要', '无需', '不必', '没必要', '用不着',
  '不用', '不做', '不搞', '不换', '不买', '不上', '暂不', '不求', '没打算', '别给', '别搞', '不指望',
  // Already there: what they have is not what they are asking for.
  '已经有', '已有', '已经上了', '已上了', '已经用了', '已经在用', '已上线', '已经上线', '已部署', '已经买了',
];
// A negation reaches to the end of its clause or to the turn that names what is wanted instead.
// Typed on a phone, a space between Chinese words ends a clause as a comma would ("该换不换 另外…");
// around Latin words it does not ("不想上 MES 系统").
const CLAUSE_END = /[，。；！？,.;!?\n：:（(）)]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|只想|只要|只需|只希望|而是|但是|但|就想|主要是|希望|想要|想把|要把/g;
// Words that contain a rejection cue but are not one ("跟不上", "赶不上", "说不上").
// "该换不换", "修不修" ask a question or complain; they rule nothing out.
const FALSE_CUE = /(跟|赶|追|说|算|比|用|接|连|挂|合|对|配|搭)不上|不上不下|要不要|要不然|不要紧|是不是|用不用|需不需要|不用说|([\u4e00-\u9fff])不\2/g;

function cues(t: string): { at: number; len: number; denial: boolean }[] {
  const masked = t.replace(FALSE_CUE, (m) => '\u0000'.repeat(m.length));
  const found: { at: number; len: number; denial: boolean }[] = [];
  for (const [words, denial] of [[DENIAL, true], [REJECTION, false]] as const)
    for (const w of words)
      for (let at = masked.indexOf(w); at >= 0; at = masked.indexOf(w, at + w.length)) {
        found.push({ at, len: w.length, denial });
      }
  // Longest cue first at each position so "不想要" wins over "不想".
  found.sort((a, b) => a.at - b.at || b.len - a.len);
  const kept: typeof found = [];
  for (const c of found) {
    const last = kept.at(-1);
    if (!last || c.at >= last.at + last.len) kept.push(c);
  }
  return kept;
}

function clauseEnd(t: string, from: number): number {
  CLAUSE_END.lastIndex = from;
  const m = CLAUSE_END.exec(t);
  return m ? m.index : t.length;
}

export function readNeed(raw: string): NeedText {
  const t = normalize(raw);
  const spans = cues(t).map((c) => ({ start: c.at + c.len, end: clauseEnd(t, c.at + c.len), denial: c.denial }));
  if (!spans.length) return { text: t, excluded: [] };
  const drop: { start: number; end: number }[] = [];
  const excluded: string[] = [];
  const exclude = (w: string) => {
    const word = w.trim();
    if (word && !excluded.includes(word)) excluded.push(word);
  };
  for (const s of spans) {
    if (s.end <= s.start) continue;
    if (s.denial) {
      drop.push(s);
      exclude(t.slice(s.start, s.end));
      continue;
    }
    const clause = t.slice(s.start, s.end);
    const hits = conceptHits(clause).sort((a, b) => a.start - b.start);
    for (const h of hits) if (h.kind === 'product') exclude(clause.slice(h.start, h.end));
    // Everything between the pain words goes.
    let at = s.start;
    for (const h of hits.filter((x) => x.kind === 'pain')) {
      if (s.start + h.start > at) drop.push({ start: at, end: s.start + h.start });
      at = Math.max(at, s.start + h.end);
    }
    if (at < s.end) drop.push({ start: at, end: s.end });
  }
  drop.sort((a, b) => a.start - b.start || b.end - a.end);
  let text = '';
  let at = 0;
  for (const d of drop) {
    if (d.end <= at) continue;
    text += t.slice(at, Math.max(at, d.start));
    // A space keeps the neighbours from fusing into a new word.
    text += ' ';
    at = d.end;
  }
  text += t.slice(at);
  return { text, excluded };
}

/** The text a scenario is embedded and searched by: its title and description, ruled-out words removed. */
export const needText = (title: string, description: string) => readNeed(`${title}\n${description}`).text;
