import { FUNCTION_DEFAULTS, functionEnvironment } from './defaults';
import { allLinks } from './queues';

/** Re-drives work DynamoDB says is unfinished past its deadline (lost messages, DLQ'd steps). */
export const reconciler = new sst.aws.Cron('Reconciler', {
  schedule: 'rate(5 minutes)',
  function: {
    ...FUNCTION_DEFAULTS,
    handler: 'functions/reconcile/handler.handler',
    timeout: '60 seconds',
    link: allLinks,
    environment: functionEnvironment(),
  },
});
