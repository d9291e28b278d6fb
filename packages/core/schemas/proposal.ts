import { z } from 'zod';
import { label } from '../taxonomy';
import { Category, Domain, Industry, Region, Technology } from '../taxonomy';
import { Id, Text, Timestamp } from './common';
import { Reason, type Scenario } from './scenario';

// The other direction (第八条): the published 场景清单 read by platforms, a platform stepping forward
// (揭榜) with a proposal, and anyone searching the 名录 by need.

export const CatalogueItem = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    industry: Industry,
    domains: z.array(Domain),
    technologies: z.array(Technology),
    region: Region,
    budgetWan: z.number().optional(),
    deadline: z.string().optional(),
    batch: z.string().optional(),
    publishedAt: Timestamp.optional(),
    enterprise: z.string().describe('the name where the manufacturer allowed it, else e.g. 某橡胶和塑料制品企业（黄岛区）'),
  })
  .meta({ id: 'CatalogueItem' });
export type CatalogueItem = z.infer<typeof CatalogueItem>;

/** 某橡胶和塑料制品企业（黄岛区）: the industry's label without its 业, then the district. */
export const anonymousEnterprise = (industry: string, region: string) => `某${label('industry', industry).replace(/业$/, '')}企业（${region}）`;

/** The public view of a published scenario: never the credit code, the owner or contacts. */
export function catalogueItem(sc: Scenario): CatalogueItem {
  return {
    id: sc.id,
    title: sc.title,
    description: sc.description,
    industry: sc.industry,
    domains: sc.domains,
    technologies: sc.technologies,
    region: sc.region,
    ...(sc.budgetWan !== undefined ? { budgetWan: sc.budgetWan } : {}),
    ...(sc.deadline ? { deadline: sc.deadline } : {}),
    ...(sc.batch ? { batch: sc.batch } : {}),
    ...(sc.publishedAt ? { publishedAt: sc.publishedAt } : {}),
    enterprise: sc.showEnterprise ? sc.enterprise.name : anonymousEnterprise(sc.industry, sc.region),
  };
}

export const ProposalInput = z
  .object({
    summary: Text(2000, 5).describe('方案概要'),
    budgetWan: z.number().finite().nonnegative().max(1e7).optional().describe('报价（万元）'),
    weeks: z.number().int().min(1).max(260).optional().describe('工期（周）'),
  })
  .strict()
  .meta({ id: 'ProposalInput' });
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ProposalStatus = z.enum(['open', 'accepted', 'declined']);

export const Proposal = ProposalInput.extend({
  id: Id,
  scenarioId: Id,
  platformId: Id,
  platformName: z.string(),
  status: ProposalStatus,
  score: z.number().describe('the matcher’s score for this platform and scenario, on the same scale as GET /v1/scenarios/{id}/matches'),
  reasons: z.array(Reason),
  leadId: z.string().optional(),
  declineReason: z.string().optional(),
  createdAt: Timestamp,
  decidedAt: Timestamp.optional(),
}).meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof Proposal>;

export const ProposalDecline = z.object({ reason: Text(500) }).strict().meta({ id: 'ProposalDecline' });

/** At most this many proposals per platform and calendar month (API.md), so 揭榜 does not become spam. */
export const PROPOSALS_PER_MONTH = 20;

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, { message: '请输入需求描述 / Describe the need' })
    .max(500, { message: '需求描述最多 500 字 / At most 500 characters' })
    .refine((s) => /[\p{L}\p{N}]/u.test(s), { message: '需求描述须包含文字 / The need must contain words' })
    .describe('the need in words'),
  industry: Industry.optional(),
});

export const SearchHit = z
  .object({ platformId: Id, platformName: z.string(), category: Category, level: z.number().int(), score: z.number(), reasons: z.array(Reason) })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;
