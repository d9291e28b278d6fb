import type { Notification } from '#core/schemas/notification';

export type { Notification };

/**
 * The port every channel implements: the DynamoDB inbox (read with GET /v1/notifications) always;
 * mail or SMS senders (the sign-in codes' channel) plug in here as further adapters.
 */
export interface Notifier {
  notify(n: Notification): Promise<void>;
}
