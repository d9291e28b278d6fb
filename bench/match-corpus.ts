import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchingDataset, type BenchScenario } from './dataset';

/**
 * Our own labelled corpus (bench/corpus): 64 platforms, scenarios in six writing styles, and the
 * frozen split written once before any tuning (split.json). Tuning reads only the tuning part.
 */
export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'corpus');
const SPLIT_PATH = resolve(CORPUS_DIR, 'split.json');

export interface Corpus {
  all: MatchingDataset;
  tune: MatchingDataset;
  test: MatchingDataset;
}

export function loadCorpusDataset(): MatchingDataset {
  const platforms = JSON.parse(readFileSync(resolve(CORPUS_DIR, 'platforms.json'), 'utf8')).platforms;
  const scenarios: BenchScenario[] = [];
  for (const f of readdirSync(CORPUS_DIR).filter((n) => /^scenarios-.*\.json$/.test(n)).sort())
    scenarios.push(...JSON.parse(readFileSync(resolve(CORPUS_DIR, f), 'utf8')).scenarios);
  const parsed = MatchingDataset.safeParse({ version: 1, platforms, scenarios });
  if (!parsed.success) throw new Error(`bench/corpus: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
  return parsed.data;
}

/** FNV-1a plus a finaliser: the split must not move when files are reordered or scenarios are added. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: FNV alone leaves keys that differ in their last digit close in the high bits.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A scenario is in the frozen test part when its key hashes below the share: the decision depends on
 * the key alone, so scenarios written later join by the same rule without moving anyone else.
 */
export function inTestPart(key: string, testShare = 0.3): boolean {
  return hash(`split-v1:${key}`) / 2 ** 32 < testShare;
}

export function drawSplit(scenarios: readonly BenchScenario[], testShare = 0.3): string[] {
  return scenarios.filter((s) => inTestPart(s.key, testShare)).map((s) => s.key).sort();
}

export function loadCorpus(): Corpus {
  const all = loadCorpusDataset();
  if (!existsSync(SPLIT_PATH)) throw new Error('bench/corpus/split.json is missing: draw it with npx tsx bench/match.ts --draw-split');
  const split: { test: string[]; tune: string[] } = JSON.parse(readFileSync(SPLIT_PATH, 'utf8'));
  const unsplit = all.scenarios.filter((s) => !split.test.includes(s.key) && !split.tune.includes(s.key));
  if (unsplit.length) throw new Error(`${unsplit.length} scenarios are in no part (${unsplit[0]!.key}…): run --draw-split before tuning`);
  const pick = (keys: string[]) => ({ ...all, scenarios: all.scenarios.filter((s) => keys.includes(s.key)) });
  return { all, tune: pick(split.tune), test: pick(split.test) };
}

export { SPLIT_PATH };
