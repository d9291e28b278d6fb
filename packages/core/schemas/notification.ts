import { z } from 'zod';
import { Label } from './common';

/** Telling people that something changed which concerns them: one item of an inbox. */
export const Notification = z
  .object({
    /** Deterministic per (subject, event, occurrence): a redelivered step notifies once. */
    id: z.string(),
    /** A district's inbox is its region's (`id` the 区市 code), shared by its people; an institution's is its organisation's. */
    recipient: z.object({ kind: z.enum(['platform', 'expert', 'enterprise', 'district', 'institution']), id: z.string() }),
    event: z
      .string()
      .describe('application.assessed | application.returned | application.rejected | review.assigned | directory.published | diagnosis.commissioned | diagnosis.reported | …'),
    title: Label,
    body: Label,
    /** What it is about, e.g. `applications/app_x`. */
    ref: z.string(),
    /** When the change happened, read from the stored state (not the clock), so a retry lands on the same item. */
    at: z.string(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;
