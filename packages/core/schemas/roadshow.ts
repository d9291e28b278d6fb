import { z } from 'zod';
import { Domain, Industry } from '../taxonomy';
import { CodeList, Id, Text, Timestamp } from './common';

export const RoadshowInput = z
  .object({
    title: Text(200),
    date: z.iso.date(),
    industries: CodeList(Industry).optional(),
    domains: CodeList(Domain).optional(),
    scenarioIds: z.array(Id).min(1).max(500).optional(),
    maxScenarios: z.number().int().min(1).max(200),
    platformsPerScenario: z.number().int().min(1).max(20),
    maxSlotsPerPlatform: z.number().int().min(1).max(50),
  })
  .strict()
  .meta({ id: 'RoadshowInput' });
export type RoadshowInput = z.infer<typeof RoadshowInput>;

export const AgendaEntry = z.object({
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  platforms: z.array(z.object({ platformId: z.string(), platformName: z.string(), score: z.number() })),
});

export const Roadshow = RoadshowInput.extend({
  id: z.string(),
  status: z.enum(['composing', 'composed']),
  agenda: z.array(AgendaEntry),
  totalScore: z.number().optional(),
  optimal: z.boolean().optional(),
  unassignedScenarioIds: z.array(z.string()).optional(),
  createdAt: Timestamp,
  composedAt: Timestamp.optional(),
}).meta({ id: 'Roadshow' });
export type Roadshow = z.infer<typeof Roadshow>;
