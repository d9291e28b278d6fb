import type { Proposal } from '#core/schemas/proposal';
import { budgetUpdate, type Budget } from './throttle';
import { getItem, queryAll, setClauses, strip, transactIf, updateIf, type Item, type Store } from './store';

// One proposal item per scenario and platform (a declined one may be replaced by a new proposal);
// the collection index finds a proposal by id.
const pk = (scenarioId: string) => `PROPOSALS#${scenarioId}`;
const sk = (platformId: string) => `PLATFORM#${platformId}`;

const item = (p: Proposal): Item => ({ pk: pk(p.scenarioId), sk: sk(p.platformId), entity: 'proposal', gsi1pk: 'PROPOSAL', gsi1sk: p.id, ...p });

export type ProposalRefusal = 'open_exists' | 'monthly_limit';

/**
 * Files the proposal and takes one from the platform's monthly budget in one transaction: a second
 * open proposal for the same scenario, or one over the month's limit, writes nothing.
 */
export async function fileProposal(s: Store, p: Proposal, monthly: Budget): Promise<ProposalRefusal | null> {
  const ok = await transactIf(s, [
    { Put: { TableName: s.table, Item: item(p), ConditionExpression: 'attribute_not_exists(pk) OR #st = :declined', ExpressionAttributeNames: { '#st': 'status' }, ExpressionAttributeValues: { ':declined': 'declined' } } },
    { Update: { TableName: s.table, ...budgetUpdate(monthly) } },
  ]);
  if (ok) return null;
  const existing = await getItem<Item>(s, pk(p.scenarioId), sk(p.platformId));
  return existing && existing.status !== 'declined' ? 'open_exists' : 'monthly_limit';
}

export async function findProposal(s: Store, id: string): Promise<Proposal | undefined> {
  const [i] = await queryAll<Item>(s, { index: 'gsi1', pk: 'PROPOSAL', skBetween: [id, id] });
  return i ? strip<Proposal>(i) : undefined;
}

export async function scenarioProposals(s: Store, scenarioId: string): Promise<Proposal[]> {
  return (await queryAll<Item>(s, { pk: pk(scenarioId), skPrefix: 'PLATFORM#' })).map((i) => strip<Proposal>(i));
}

/** open → accepted | declined, once; false when someone decided first. */
export async function decideProposal(s: Store, p: Proposal, set: Partial<Proposal>): Promise<boolean> {
  const names: Record<string, string> = { '#st': 'status' };
  const values: Record<string, unknown> = { ':open': 'open' };
  const sets = setClauses(set, names, values);
  return (
    (await updateIf(s, {
      Key: { pk: pk(p.scenarioId), sk: sk(p.platformId) },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#st = :open AND id = :id',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ':id': p.id },
    })) !== false
  );
}
