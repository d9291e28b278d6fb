import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ndcgAt, type Relevance } from '#core/matching/metrics';
import type { MatchingDataset } from './dataset';
import { CORPUS_DIR } from './match-corpus';
import type { Run } from './match-eval';

/**
 * Label agreement: a second grader, blind to the first labels and to the matcher, graded every
 * corpus scenario (bench/corpus/second-grader.json). How well one grader's own
 * grades, read as a ranking, score against the other's labels is how far these labels can tell two
 * rankings apart; margins smaller than the gap to that are not measurable with them.
 */
const SecondGrader = z.object({ note: z.string(), grades: z.array(z.object({ key: z.string(), relevance: z.record(z.string(), z.number().int().min(0).max(3)) })) });

// One file per grading session: the first 325 scenarios, then the six new styles (2026-12-03).
const SECOND_GRADER_FILES = ['second-grader.json', 'second-grader-new.json', 'second-grader-f.json'];

export function loadSecondGrader(): Map<string, Relevance> {
  const grades = SECOND_GRADER_FILES.flatMap((f) => SecondGrader.parse(JSON.parse(readFileSync(resolve(CORPUS_DIR, f), 'utf8'))).grades);
  return new Map(grades.map((g) => [g.key, g.relevance]));
}

/** A grader's grades as a ranking: best grade first, ties by platform key (deterministic). */
const asRanking = (rel: Relevance) => Object.keys(rel).sort((a, b) => rel[b]! - rel[a]! || (a < b ? -1 : 1));

export interface AgreementRow {
  style: string;
  n: number;
  /** Against the first grader's labels (the ones every other table uses). */
  first: { ours: number; structured: number; secondGrader: number };
  /** Against the second grader's labels. */
  second: { ours: number; structured: number; firstGrader: number };
}

export function agreement(data: MatchingDataset, ours: Run[], structured: Run[], second = loadSecondGrader()): AgreementRow[] {
  const rows: AgreementRow[] = [];
  const styles = [...new Set(data.scenarios.filter((s) => second.has(s.key)).map((s) => s.style ?? 'plain'))].sort();
  for (const style of [...styles, 'all']) {
    const idx = data.scenarios.flatMap((s, i) => (second.has(s.key) && (style === 'all' || (s.style ?? 'plain') === style) ? [i] : []));
    const mean = (f: (i: number) => number) => idx.reduce((a, i) => a + f(i), 0) / idx.length;
    const first = (i: number) => data.scenarios[i]!.relevance;
    const other = (i: number) => second.get(data.scenarios[i]!.key)!;
    rows.push({
      style,
      n: idx.length,
      first: { ours: mean((i) => ndcgAt(ours[i]!.ranked, first(i))), structured: mean((i) => ndcgAt(structured[i]!.ranked, first(i))), secondGrader: mean((i) => ndcgAt(asRanking(other(i)), first(i))) },
      second: { ours: mean((i) => ndcgAt(ours[i]!.ranked, other(i))), structured: mean((i) => ndcgAt(structured[i]!.ranked, other(i))), firstGrader: mean((i) => ndcgAt(asRanking(first(i)), other(i))) },
    });
  }
  return rows;
}
