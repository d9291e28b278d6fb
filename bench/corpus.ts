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

/** FNV-1a: the split must not move when files are reordered or scenarios are added. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Every style contributes the same share to the frozen test part (stratified by style). */
export function drawSplit(scenarios: readonly BenchScenario[], testShare = 0.3): string[] {
  const byStyle = new Map<string, BenchScenario[]>();
  for (const s of scenarios) byStyle.set(s.style ?? 'plain', [...(byStyle.get(s.style ?? 'plain') ?? []), s]);
  const test: string[] = [];
  for (const group of byStyle.values()) {
    const sorted = [...group].sort((a, b) => hash(`split-v1:${a.key}`) - hash(`split-v1:${b.key}`));
    test.push(...sorted.slice(0, Math.round(group.length * testShare)).map((s) => s.key));
  }
  return test.sort();
}

export function loadCorpus(): Corpus {
  const all = loadCorpusDataset();
  if (!existsSync(SPLIT_PATH)) throw new Error('bench/corpus/split.json is missing: the frozen split is drawn once (npx tsx bench/match.ts --draw-split)');
  const test = new Set<string>(JSON.parse(readFileSync(SPLIT_PATH, 'utf8')).test);
  const part = (inTest: boolean) => ({ ...all, scenarios: all.scenarios.filter((s) => test.has(s.key) === inTest) });
  return { all, tune: part(false), test: part(true) };
}

export { SPLIT_PATH };
