import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { PairingMessage } from '#queue/messages';
import { putItem, queryAll, strip, type Item, type Store } from './store';

export interface PairingsDue {
  source: string;
  pairings: PairingMessage[];
}

/**
 * Pairing messages live only in the queue; before they are sent, the set a step owes is written
 * here so that a lost message (a crash, an in-memory queue restarted) is found and re-sent by the
 * reconciler, which also clears the marker once every lead exists.
 */
export async function markPairingsDue(s: Store, source: string, pairings: PairingMessage[], at: string): Promise<void> {
  if (!pairings.length) return;
  await putItem(s, { pk: `DUE#PAIRING#${source}`, sk: 'DUE', entity: 'pairingsDue', gsi1pk: 'DUE#PAIRING', gsi1sk: `${at}#${source}`, source, pairings });
}

export async function pairingsDue(s: Store, before: string): Promise<PairingsDue[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'DUE#PAIRING', skBetween: ['!', `${before}~`] })).map((i) => strip<PairingsDue>(i));
}

export async function clearPairingsDue(s: Store, source: string): Promise<void> {
  await s.db.send(new DeleteCommand({ TableName: s.table, Key: { pk: `DUE#PAIRING#${source}`, sk: 'DUE' } }));
}
