import { z } from 'zod';
import { Domain, Industry } from '../taxonomy';
import { CodeList, Id, Timestamp } from './common';

/** What a platform follows in the 场景清单: new scenarios in these industries or domains reach it once a day. */
export const SubscriptionInput = z
  .object({ industries: CodeList(Industry), domains: CodeList(Domain) })
  .strict()
  .meta({ id: 'SubscriptionInput' });
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;

export const Subscription = SubscriptionInput.extend({
  platformId: Id,
  updatedAt: Timestamp,
  lastDigestAt: Timestamp.optional().describe('when the last daily digest went out'),
}).meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof Subscription>;

/** Whether a published scenario is one the subscription follows (an industry or a domain in common). */
export const follows = (s: Pick<Subscription, 'industries' | 'domains'>, sc: { industry: string; domains: readonly string[] }) =>
  s.industries.includes(sc.industry as never) || sc.domains.some((d) => s.domains.includes(d as never));
