import { getItem, putIf, putItem, type Store } from './store';

/**
 * Immutable, versioned documents with one active version: the maturity rule sets and the review
 * rubrics. `kind` names the partition (`RULESET`, `RUBRIC`) and `field` the attribute holding the
 * document, as stored since the first version.
 */
export function versionedDocuments(kind: string, field: string) {
  return {
    /** False when the version exists already: versions never change. */
    put: (s: Store, version: string, doc: unknown, at: string) =>
      putIf(s, { pk: `${kind}#${version}`, sk: 'META', entity: field, gsi1pk: kind, gsi1sk: at, version, [field]: doc, createdAt: at }, 'attribute_not_exists(pk)'),
    get: async (s: Store, version: string): Promise<unknown | undefined> => (await getItem<Record<string, unknown>>(s, `${kind}#${version}`, 'META'))?.[field],
    activate: (s: Store, version: string, at: string) => putItem(s, { pk: kind, sk: 'ACTIVE', entity: `${field}Active`, version, activatedAt: at }),
    activeVersion: async (s: Store): Promise<string | undefined> => (await getItem<{ version: string }>(s, kind, 'ACTIVE'))?.version,
  };
}
