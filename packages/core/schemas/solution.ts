import { z } from 'zod';
import { Domain, Industry, Technology } from '../taxonomy';
import { CodeList, Id, Text, Timestamp } from './common';

export const SolutionInput = z
  .object({
    title: Text(200),
    description: Text(4000),
    // Empty means a cross-industry solution.
    industries: CodeList(Industry),
    domains: CodeList(Domain, { min: 1 }),
    technologies: CodeList(Technology),
  })
  .strict()
  .meta({ id: 'SolutionInput' });
export type SolutionInput = z.infer<typeof SolutionInput>;

export const Solution = SolutionInput.extend({
  id: Id,
  platformId: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Solution' });
export type Solution = z.infer<typeof Solution>;
