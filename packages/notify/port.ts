import type { Label } from '#core/schemas/common';

/**
 * Telling people that something changed which concerns them. The port every channel implements:
 * the DynamoDB inbox below (read with GET /v1/notifications) always; mail or SMS senders (the
 * sign-in codes' channel) plug in here as further adapters.
 */
export interface Notification {
  /** Deterministic per (subject, event, occurrence): a redelivered step notifies once. */
  id: string;
  /** A district's inbox is its region's (`id` the 区市 code), shared by its people. */
  recipient: { kind: 'platform' | 'expert' | 'enterprise' | 'district'; id: string };
  event: string;
  title: Label;
  body: Label;
  /** What it is about, e.g. `applications/app_x`. */
  ref: string;
  /** When the change happened, read from the stored state (not the clock), so a retry lands on the same item. */
  at: string;
}

export interface Notifier {
  notify(n: Notification): Promise<void>;
}
