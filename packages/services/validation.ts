import type { z } from 'zod';
import { AppError } from '../core/errors';

export const fromIssues = (issues: z.core.$ZodIssue[]) =>
  new AppError(
    'VALIDATION_FAILED',
    undefined,
    issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
