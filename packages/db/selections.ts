import type { Selection } from '#core/schemas/selection';
import { putItem, queryAll, strip, type Item, type Store } from './store';

// One item per platform, year and deciding body; the collection index lists a year's decisions.
const item = (x: Selection): Item => ({
  pk: `PLATFORM#${x.platformId}`,
  sk: `SEL#${x.year}#${x.body}`,
  entity: 'selection',
  gsi1pk: 'SEL',
  gsi1sk: `${x.year}#${x.platformId}#${x.body}`,
  ...x,
});

/** A decision is a published fact; recording it again (a corrected document number) replaces it. */
export async function putSelection(s: Store, x: Selection): Promise<void> {
  await putItem(s, item(x));
}

export async function platformSelections(s: Store, platformId: string): Promise<Selection[]> {
  return (await queryAll<Item>(s, { pk: `PLATFORM#${platformId}`, skPrefix: 'SEL#' })).map((i) => strip<Selection>(i));
}

export async function allSelections(s: Store, year?: number): Promise<Selection[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'SEL', ...(year ? { skPrefix: `${year}#` } : {}) })).map((i) => strip<Selection>(i));
}
