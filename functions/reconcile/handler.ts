import type { Deps } from '#runtime/deps';
import { lambdaHandler } from '#runtime/consumer-lambda';
import { reconcile } from '#services/reconcile';

/** Cron target: re-drives work DynamoDB says is unfinished past its deadline. */
export const createHandler = (deps: Deps) => async () => reconcile(deps, { olderThanSec: deps.settings.RECONCILE_AFTER_SEC });
export const handler = lambdaHandler(createHandler);
