import { notFound } from '#core/errors';
import { deterministicId } from '#core/ids';
import { expertIdOf, type Principal } from '#core/principal';
import type { Application } from '#core/schemas/round';
import { getApplication } from '#db/rounds';
import { getReview } from '#db/reviews';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

export const reviewId = (applicationId: string, expertId: string) => deterministicId('rev', applicationId, expertId);

const appNotFound = () => notFound('申报 application');

/**
 * Who may see an application: its platform, the bureau and the experts assigned to review it.
 * Anyone else gets 404, which says nothing about whether it exists.
 */
export async function readApplication(deps: Deps, who: Principal, id: string): Promise<Application> {
  const a = await getApplication(storeOf(deps), id);
  if (!a) throw appNotFound();
  if (who.role === 'bureau' || (who.role === 'platform' && who.org === a.platformId)) return a;
  if (who.role === 'district' && who.district === a.region) return a;
  const expertId = expertIdOf(who);
  if (expertId && (await getReview(storeOf(deps), reviewId(a.id, expertId)))) return a;
  throw appNotFound();
}

/** Applicant or bureau: the ones who may change an application and its evidence. */
export function assertCanActFor(who: Principal, platformId: string) {
  if (who.role === 'bureau' || (who.role === 'platform' && who.org === platformId)) return;
  throw notFound('平台 platform');
}
