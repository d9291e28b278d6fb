import { allowsPrivateWebhooks, signBody, webhookSecret, webhookTargetProblem } from '#core/webhook';
import { getPlatform } from '#db/platforms';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

/**
 * One signed event to a platform's webhook, one try: the inbox is the record, the webhook a
 * convenience. Addresses the current rules refuse are skipped; failures are logged, not thrown.
 */
export async function postPlatformEvent(deps: Deps, platformId: string, eventId: string, payload: Record<string, unknown> & { type: string }): Promise<void> {
  const url = (await getPlatform(storeOf(deps), platformId))?.webhookUrl;
  if (!url || webhookTargetProblem(url, allowsPrivateWebhooks(deps.settings.STAGE))) return;
  const body = JSON.stringify(payload);
  try {
    await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signBody(webhookSecret(deps.settings.AUTH_SECRET, platformId), body), 'x-event-id': eventId },
      body,
      signal: AbortSignal.timeout(5000),
    });
  } catch (err) {
    deps.log.warn('platform webhook failed', { platformId, event: payload.type, error: String(err) });
  }
}
