import { notFound } from '#core/errors';
import { deterministicId } from '#core/ids';
import type { Principal } from '#core/principal';
import { catalogueItem } from '#core/schemas/proposal';
import { follows, type Subscription, type SubscriptionInput } from '#core/schemas/subscription';
import { OPEN_STATUSES } from '#core/schemas/scenario';
import { scenariosInStatuses } from '#db/scenarios';
import * as repo from '#db/subscriptions';
import { inboxNotifier } from '#notify/inbox';
import type { Deps } from '#runtime/deps';
import { postPlatformEvent } from './platform-webhook';
import { nowIso, storeOf } from './store';

const own = (who: Principal, platformId: string) => {
  if (!(who.role === 'platform' && who.org === platformId)) throw notFound('平台 platform');
};

export async function setSubscription(deps: Deps, who: Principal, platformId: string, input: SubscriptionInput): Promise<Subscription> {
  own(who, platformId);
  const s = storeOf(deps);
  const before = await repo.getSubscription(s, platformId);
  const x: Subscription = { platformId, ...input, updatedAt: nowIso(deps), ...(before?.lastDigestAt ? { lastDigestAt: before.lastDigestAt } : {}) };
  await repo.putSubscription(s, x);
  return x;
}

export async function getSubscription(deps: Deps, who: Principal, platformId: string): Promise<Subscription> {
  own(who, platformId);
  return (await repo.getSubscription(storeOf(deps), platformId)) ?? { platformId, industries: [], domains: [], updatedAt: nowIso(deps) };
}

const DAY_MS = 86_400_000;

/**
 * The reconciler's daily part: each platform with new scenarios in what it follows (published since
 * its last digest, or since it subscribed) gets one digest — inbox and `scenario.published` webhook.
 * The day is claimed first, so two passes never send two digests the same day.
 */
export async function sendScenarioDigests(deps: Deps): Promise<number> {
  const s = storeOf(deps);
  const now = deps.now();
  // Most passes of the day find every follower already served; then the open scenarios are not read.
  const due = (await repo.allSubscriptions(s)).filter(
    (x) => (x.industries.length || x.domains.length) && !(x.lastDigestAt && now.getTime() - Date.parse(x.lastDigestAt) < DAY_MS),
  );
  if (!due.length) return 0;
  const open = (await scenariosInStatuses(s, OPEN_STATUSES)).filter((sc) => sc.publishedAt);
  let sent = 0;
  for (const sub of due) {
    const since = sub.lastDigestAt ?? sub.updatedAt;
    const fresh = open.filter((sc) => sc.publishedAt! > since && follows(sub, sc)).sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!));
    if (!fresh.length) continue;
    const at = now.toISOString();
    if (!(await repo.claimDigest(s, sub.platformId, at, new Date(now.getTime() - DAY_MS).toISOString()))) continue;
    const id = deterministicId('ntf', 'digest', sub.platformId, at.slice(0, 10));
    const titles = fresh.slice(0, 5).map((sc) => sc.title).join('；');
    await inboxNotifier(s).notify({
      id,
      recipient: { kind: 'platform', id: sub.platformId },
      event: 'scenario.published',
      title: { zh: `${fresh.length} 个新场景符合您的订阅`, en: `${fresh.length} new scenario(s) you follow` },
      body: { zh: titles, en: 'See the published scenario catalogue (/scenarios).' },
      ref: 'scenarios',
      at,
    });
    await postPlatformEvent(deps, sub.platformId, id, { type: 'scenario.published', id, scenarios: fresh.map(catalogueItem) });
    sent++;
  }
  return sent;
}
