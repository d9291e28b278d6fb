import { z } from 'zod';
import { Domain, Industry, Region, Technology } from '../taxonomy';
import { CodeList, CreditCode, Id, Text, Timestamp } from './common';

export const ScenarioStatus = z.enum(['draft', 'published', 'matching', 'matched', 'closed', 'withdrawn']);
export type ScenarioStatus = z.infer<typeof ScenarioStatus>;

export const ScenarioInput = z
  .object({
    title: Text(200),
    description: Text(4000, 10),
    enterprise: z.object({ name: Text(200), creditCode: CreditCode }).strict(),
    industry: Industry,
    // May be empty: the description alone says what is needed, and the ranking reads it.
    domains: CodeList(Domain),
    technologies: CodeList(Technology),
    region: Region,
    budgetWan: z.number().finite().nonnegative().max(1e7).optional(),
    deadline: z.iso.date().optional(),
    showEnterprise: z.boolean().optional().describe('公开场景清单中显示企业名称（缺省不显示，仅显示“某…企业（区市）”）'),
    smokeTest: z
      .literal(true)
      .optional()
      .describe('A deployment check (npm run smoke): matched like any other, but no platform gets a lead, and it is listed nowhere and counted in no statistics'),
  })
  .strict()
  .meta({ id: 'ScenarioInput' });
export type ScenarioInput = z.infer<typeof ScenarioInput>;

export const Scenario = ScenarioInput.extend({
  id: Id,
  status: ScenarioStatus,
  ownerOrg: z.string(),
  batch: z.string().optional(),
  enteredByDistrict: Region.optional().describe('the 区（市） that entered it for an enterprise without an account; the enterprise owns it once it signs up with the same credit code'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Timestamp.optional(),
  matchedAt: Timestamp.optional(),
}).meta({ id: 'Scenario' });
export type Scenario = z.infer<typeof Scenario>;

export const ReasonFactor = z.enum(['semantic', 'concept', 'lexical', 'industry', 'domain', 'technology', 'maturity', 'exposure', 'track_record']);
export type ReasonFactor = z.infer<typeof ReasonFactor>;

export const Reason = z.object({
  factor: ReasonFactor,
  weight: z.number(),
  value: z.number(),
  text: z.string(),
});

export const MatchItem = z
  .object({
    platformId: z.string(),
    platformName: z.string(),
    score: z.number(),
    solutionId: z.string().optional(),
    reasons: z.array(Reason),
  })
  .meta({ id: 'Match' });
export type MatchItem = z.infer<typeof MatchItem>;

export const Matches = z.object({ status: ScenarioStatus, items: z.array(MatchItem) }).meta({ id: 'Matches' });

/** Legal status moves; anything else is a 409 CONFLICT. */
export const TRANSITIONS: Record<ScenarioStatus, ScenarioStatus[]> = {
  draft: ['published', 'withdrawn'],
  published: ['matching', 'closed', 'withdrawn'],
  matching: ['matched', 'matching', 'closed', 'withdrawn'],
  matched: ['matching', 'closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

export const OPEN_STATUSES: ScenarioStatus[] = ['published', 'matching', 'matched'];
