import { z } from 'zod';

/** One row of the city's 区市对比: a district's platforms, scenarios, leads and first-review pace. */
export const DistrictRow = z
  .object({
    region: z.string(),
    platforms: z.number().int(),
    byLevel: z.array(z.number().int()).length(4).describe('platforms at level 0, 1, 2, 3'),
    scenarios: z.number().int(),
    leads: z.number().int(),
    accepted: z.number().int(),
    signed: z.number().int(),
    contractWan: z.number(),
    review: z
      .object({
        pending: z.number().int(),
        endorsed: z.number().int(),
        returned: z.number().int(),
        medianDays: z.number().nullable().describe('median days from submission to the district’s decision'),
        oldestPendingDays: z.number().nullable().describe('how long the oldest application still waiting has waited'),
      })
      .describe('first review (初审) in the latest round that has it: counts and timeliness'),
  })
  .meta({ id: 'DistrictRow' });
export type DistrictRow = z.infer<typeof DistrictRow>;
