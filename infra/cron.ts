import { FUNCTION_DEFAULTS, functionEnvironment } from './defaults';
import { allLinks, dlqs } from './queues';
import { QUEUE_NAMES } from '#queue/queues';

/** Re-drives work DynamoDB says is unfinished past its deadline (lost messages, DLQ'd steps). */
export const reconciler = new sst.aws.Cron('Reconciler', {
  schedule: 'rate(5 minutes)',
  function: {
    ...FUNCTION_DEFAULTS,
    handler: 'functions/reconcile/handler.handler',
    timeout: '60 seconds',
    // The dead-letter queues too: it counts what waits there on every pass.
    link: [...allLinks, ...QUEUE_NAMES.map((name) => dlqs[name])],
    environment: functionEnvironment(),
  },
});
