import type { Deps } from '../../packages/runtime/deps';
import { lambdaHandler } from '../../packages/runtime/consumer-lambda';
import { reconcile } from '../../packages/services/reconcile';

/** Cron target: re-drives work DynamoDB says is unfinished past its deadline. */
export const createHandler = (deps: Deps) => async () => reconcile(deps, { olderThanSec: deps.settings.RECONCILE_AFTER_SEC });
export const handler = lambdaHandler(createHandler);
