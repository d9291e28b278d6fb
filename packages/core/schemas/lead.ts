import { z } from 'zod';
import { Domain, Industry, Region } from '../taxonomy';
import { Text, Timestamp } from './common';
import { Reason } from './scenario';

export const LeadStatus = z.enum(['pending', 'accepted', 'declined']);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const Lead = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    platformId: z.string(),
    platformName: z.string(),
    status: LeadStatus,
    score: z.number(),
    solutionId: z.string().optional(),
    reasons: z.array(Reason),
    scenario: z.object({
      title: z.string(),
      industry: Industry,
      domains: z.array(Domain),
      region: Region,
      enterpriseName: z.string(),
      ownerOrg: z.string(),
    }),
    roadshowId: z.string().optional(),
    declineReason: z.string().optional(),
    delivery: z.object({
      webhook: z.enum(['none', 'pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().optional(),
    }),
    createdAt: Timestamp,
    decidedAt: Timestamp.optional(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

export const DeclineInput = z.object({ reason: Text(1000) }).strict().meta({ id: 'DeclineInput' });
