import type { z } from 'zod';
import { AppError } from '#core/errors';

export const fromIssues = (issues: z.core.$ZodIssue[]) =>
  new AppError(
    'VALIDATION_FAILED',
    undefined,
    issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );

/** A versioned document (rule set, rubric) from a request: valid, and its `version` the one in the path. */
export function parseVersioned<T extends { version: string }>(schema: z.ZodType<T>, body: unknown, version: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw fromIssues(parsed.error.issues);
  if (parsed.data.version !== version)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'version', message: `须与路径中的版本一致 / must equal '${version}'` }]);
  return parsed.data;
}
