import type { DefenceScore, DefenceSession, FinalList, RecommendationPlan, UpstreamLevel } from '#core/schemas/defence';
import { getItem, putIf, putItem, queryAll, strip, type Item, type Store } from './store';

const roundPk = (id: string) => `ROUND#${id}`;
const sessionPk = (id: string) => `DEFENCE#${id}`;

export async function putPlan(s: Store, p: RecommendationPlan): Promise<void> {
  await putItem(s, { pk: roundPk(p.roundId), sk: 'PLAN', entity: 'recommendation-plan', ...p });
}

export async function getPlan(s: Store, roundId: string): Promise<RecommendationPlan | undefined> {
  const item = await getItem(s, roundPk(roundId), 'PLAN');
  return item ? strip<RecommendationPlan>(item) : undefined;
}

export async function createSession(s: Store, d: DefenceSession): Promise<boolean> {
  return putIf(s, { pk: sessionPk(d.id), sk: 'META', entity: 'defence', gsi1pk: `ROUNDDEF#${d.roundId}`, gsi1sk: `${d.startsAt}#${d.id}`, ...d }, 'attribute_not_exists(pk)');
}

export async function getSession(s: Store, id: string): Promise<DefenceSession | undefined> {
  const item = await getItem(s, sessionPk(id), 'META');
  return item ? strip<DefenceSession>(item) : undefined;
}

export async function sessionsOfRound(s: Store, roundId: string): Promise<DefenceSession[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `ROUNDDEF#${roundId}` })).map((i) => strip<DefenceSession>(i));
}

/** A panel member's sheet for one presenter: saved again until the final list is fixed. */
export async function putScore(s: Store, x: DefenceScore): Promise<void> {
  await putItem(s, { pk: sessionPk(x.sessionId), sk: `SCORE#${x.applicationId}#${x.expertId}`, entity: 'defence-score', ...x });
}

export async function scoresOfSession(s: Store, sessionId: string): Promise<DefenceScore[]> {
  return (await queryAll<Item>(s, { pk: sessionPk(sessionId), skPrefix: 'SCORE#' })).map((i) => strip<DefenceScore>(i));
}

/** Fixed once per round and level: of two racing, one writes and the other finds it taken. */
export async function fixFinalList(s: Store, list: FinalList): Promise<boolean> {
  return putIf(s, { pk: roundPk(list.roundId), sk: `FINAL#${list.level}`, entity: 'final-list', ...list }, 'attribute_not_exists(pk)');
}

export async function getFinalList(s: Store, roundId: string, level: UpstreamLevel): Promise<FinalList | undefined> {
  const item = await getItem(s, roundPk(roundId), `FINAL#${level}`);
  return item ? strip<FinalList>(item) : undefined;
}
