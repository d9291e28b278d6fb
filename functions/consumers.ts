import type { QueueName } from '#queue/queues';
import type { Deps } from '#runtime/deps';
import type { SqsHandler } from '#local/poller';
import { createHandler as assess } from './assess/handler';
import { createHandler as embed } from './embed/handler';
import { createHandler as match } from './match/handler';
import { createHandler as pairing } from './pairing/handler';
import { createHandler as roadshow } from './roadshow/handler';

/** Queue → consumer factory; the local pollers and the infra contract test read this map. */
export const CONSUMERS: Record<QueueName, (deps: Deps) => SqsHandler> = { assess, embed, match, pairing, roadshow };
