import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Category, Domain, Industry, Region, Subtype, Technology } from '#core/taxonomy';

/** The shared dev set lives next to the repo, not inside it: /work/main/../shared/bench. */
export const DEFAULT_DEV_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench', 'matching-dev.json');

const BenchSolution = z.object({
  title: z.string().min(1),
  description: z.string(),
  // Empty means a cross-industry solution.
  industries: z.array(Industry),
  domains: z.array(Domain),
  technologies: z.array(Technology),
});

const BenchPlatform = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  operator: z.string().optional(),
  category: Category,
  subtype: Subtype.nullable().optional(),
  region: Region.optional(),
  // Absent in the dev set; a held-out set may carry assessed levels.
  level: z.number().int().min(0).max(3).optional(),
  industries: z.array(Industry),
  domains: z.array(Domain),
  technologies: z.array(Technology),
  description: z.string(),
  solutions: z.array(BenchSolution),
});

const BenchScenario = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  industry: Industry,
  domains: z.array(Domain),
  technologies: z.array(Technology),
  region: Region.optional(),
  /** Writing style of our own corpus (plain, unticked, colloquial, contradicting, negation, abbreviation). */
  style: z.string().optional(),
  /** Platform key → graded label (3 solves it, 2 strong partial, 1 marginal). */
  relevance: z.record(z.string(), z.number().int().min(0).max(3)),
  rationale: z.string().optional(),
});

export const MatchingDataset = z
  .object({
    version: z.number().int(),
    platforms: z.array(BenchPlatform).min(1),
    scenarios: z.array(BenchScenario).min(1),
  })
  .superRefine((d, ctx) => {
    const keys = new Set(d.platforms.map((p) => p.key));
    d.scenarios.forEach((s, i) => {
      for (const k of Object.keys(s.relevance))
        if (!keys.has(k)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'relevance', k], message: `unknown platform ${k}` });
    });
  });

export type MatchingDataset = z.infer<typeof MatchingDataset>;
export type BenchPlatform = z.infer<typeof BenchPlatform>;
export type BenchScenario = z.infer<typeof BenchScenario>;

export function loadDataset(path: string = DEFAULT_DEV_PATH): MatchingDataset {
  const parsed = MatchingDataset.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid matching dataset ${path}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Stable solution id for datasets whose solutions carry none. */
export const solutionId = (platformKey: string, index: number) => `${platformKey}-S${index + 1}`;

/** Text the embedder sees for each side; kept here so every benchmark embeds the same way. */
export const profileText = (p: BenchPlatform) => `${p.name}\n${p.description}`;
export const solutionText = (s: { title: string; description: string }) => `${s.title}\n${s.description}`;
export const scenarioText = (s: BenchScenario) => `${s.title}\n${s.description}`;
