import type { Subscription } from '#core/schemas/subscription';
import { getItem, putItem, queryAll, strip, updateIf, type Item, type Store } from './store';

const key = (platformId: string) => ({ pk: `PLATFORM#${platformId}`, sk: 'SUBSCRIPTION' });

export async function putSubscription(s: Store, x: Subscription): Promise<void> {
  await putItem(s, { ...key(x.platformId), entity: 'subscription', gsi1pk: 'SUB', gsi1sk: x.platformId, ...x });
}

export async function getSubscription(s: Store, platformId: string): Promise<Subscription | undefined> {
  const i = await getItem<Item>(s, key(platformId).pk, key(platformId).sk);
  return i ? strip<Subscription>(i) : undefined;
}

export async function allSubscriptions(s: Store): Promise<Subscription[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'SUB' })).map((i) => strip<Subscription>(i));
}

/** Claims today's digest: at most one a day per platform, whichever process gets there first. */
export async function claimDigest(s: Store, platformId: string, now: string, dayAgo: string): Promise<boolean> {
  return (
    (await updateIf(s, {
      Key: key(platformId),
      UpdateExpression: 'SET lastDigestAt = :now',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastDigestAt) OR lastDigestAt <= :dayAgo)',
      ExpressionAttributeValues: { ':now': now, ':dayAgo': dayAgo },
    })) !== false
  );
}
