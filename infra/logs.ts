import { LOG_RETENTION } from './profile';

/**
 * Every function's log group (SST creates one per function, its default keeps a month) is kept
 * six months: 网络安全法 第二十一条 asks network operators to keep network logs at least that long.
 * A transform rather than a field in FUNCTION_DEFAULTS, so the functions SST creates inside Cron,
 * queue subscriptions and Auth get it too. Imported first in `run()`: transforms apply to
 * components created after them.
 */
export const functionLogRetention = (args: { logging?: false | { retention?: string } }) => {
  if (args.logging === false) return;
  args.logging = { ...args.logging, retention: LOG_RETENTION };
};

$transform(sst.aws.Function, functionLogRetention);
