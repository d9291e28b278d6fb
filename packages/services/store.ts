import type { Store } from '#db/store';
import type { Deps } from '#runtime/deps';

export const storeOf = (deps: Deps): Store => ({ db: deps.db, table: deps.resources.tableName });
export const nowIso = (deps: Deps) => deps.now().toISOString();
