import { QUEUES, QUEUE_NAMES, dlqResourceName } from '#queue/queues';
import { api, consoleFn, router } from './api';
import { auth } from './auth';
import { reconciler } from './cron';
import { functionNameOf, mapOutput, queueNameOf } from './outputs';
import { readProfile } from './profile';
import { consumers, dlqs, queues } from './queues';
import { table } from './storage';

/**
 * Operations as code: every alarm goes to one SNS topic (the operator's e-mail subscribes to it,
 * GONGFU_ALARM_EMAIL), and one CloudWatch dashboard shows the same metrics. What each alarm means
 * and what to do is in README "Deploying" → "When an alarm mails you".
 */
const profile = readProfile();
const PERIOD = 300;

export const alarmTopic = new aws.sns.Topic('Alarms', { displayName: '工赋青岛 alarms' });
export const alarmSubscription = profile.alarmEmail
  ? new aws.sns.TopicSubscription('AlarmsEmail', { topic: alarmTopic.arn, protocol: 'email', endpoint: profile.alarmEmail })
  : undefined;

/** One alarm description per thing watched; the dashboard and the cost model count these. */
export interface AlarmSpec {
  name: string;
  /** What it watches, for the test and the README: a queue, a function, the table, the API. */
  subject: { kind: 'dlq' | 'queue' | 'function' | 'table' | 'api' | 'reconciler'; name: string };
  args: Record<string, unknown>;
}

const specs: AlarmSpec[] = [];
const add = (name: string, subject: AlarmSpec['subject'], args: Record<string, unknown>) => specs.push({ name, subject, args });

const sum = (namespace: string, metricName: string, dimensions: Record<string, unknown>) => ({ namespace, metricName, dimensions, statistic: 'Sum', period: PERIOD });

for (const q of QUEUE_NAMES) {
  const def = QUEUES[q];
  // Anything in a dead-letter queue failed every retry: a person should look (the reconciler re-drives the work).
  add(`${dlqResourceName(q)}Depth`, { kind: 'dlq', name: dlqResourceName(q) }, {
    namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: queueNameOf(dlqs[q]) },
    statistic: 'Maximum', period: PERIOD, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold',
  });
  // A message older than all its retries could take is stuck: the consumer is not keeping up or not running.
  add(`${def.resource}OldestAge`, { kind: 'queue', name: def.resource }, {
    namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: queueNameOf(queues[q]) },
    statistic: 'Maximum', period: PERIOD, evaluationPeriods: 2, threshold: def.visibilityTimeoutSec * (def.maxReceiveCount + 1), comparisonOperator: 'GreaterThanThreshold',
  });
}

/** Every function the app deploys, by the name alarms and the dashboard show. */
export const watchedFunctions: { label: string; component: any }[] = [
  { label: 'Api', component: api },
  { label: 'Console', component: consoleFn },
  { label: 'Auth', component: auth },
  { label: 'Reconciler', component: reconciler },
  ...QUEUE_NAMES.map((q) => ({ label: `${QUEUES[q].resource}Consumer`, component: consumers[q] })),
];

for (const { label, component } of watchedFunctions) {
  const dims = { FunctionName: functionNameOf(component) };
  add(`${label}Errors`, { kind: 'function', name: label }, { ...sum('AWS/Lambda', 'Errors', dims), evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
  add(`${label}Throttles`, { kind: 'function', name: label }, { ...sum('AWS/Lambda', 'Throttles', dims), evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
}

// The reconciler is the safety net for lost messages: failing three passes in a row, or not running at all.
const reconcilerDims = { FunctionName: functionNameOf(reconciler) };
add('ReconcilerFailing', { kind: 'reconciler', name: 'Reconciler' }, {
  ...sum('AWS/Lambda', 'Errors', reconcilerDims), evaluationPeriods: 3, datapointsToAlarm: 3, threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold',
});
add('ReconcilerNotRunning', { kind: 'reconciler', name: 'Reconciler' }, {
  ...sum('AWS/Lambda', 'Invocations', reconcilerDims), evaluationPeriods: 3, threshold: 1, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching',
});

add('TableThrottled', { kind: 'table', name: 'Table' }, {
  evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold',
  metricQueries: [
    { id: 'reads', metric: { namespace: 'AWS/DynamoDB', metricName: 'ReadThrottleEvents', dimensions: { TableName: table.name }, stat: 'Sum', period: PERIOD } },
    { id: 'writes', metric: { namespace: 'AWS/DynamoDB', metricName: 'WriteThrottleEvents', dimensions: { TableName: table.name }, stat: 'Sum', period: PERIOD } },
    { id: 'throttled', expression: 'reads + writes', label: 'throttled requests', returnData: true },
  ],
});

/**
 * Server errors as a share of requests, over the API, the console and the sign-in server: the
 * function URLs' own counters on the global profile, API Gateway's on the China profile (there the
 * functions have no URLs). Above 5 % in two of three 5-minute periods.
 */
const rate = (errors: string, total: string) => ({ id: 'rate', expression: `IF(${total} > 0, 100 * ${errors} / ${total}, 0)`, label: '5xx %', returnData: true });
const apiSurface =
  profile.kind === 'global'
    ? (['Api', 'Console', 'Auth'] as const).map((label) => ({ label, dims: { FunctionName: functionNameOf(watchedFunctions.find((f) => f.label === label)!.component) }, namespace: 'AWS/Lambda', errors: 'Url5xxCount', total: 'UrlRequestCount' }))
    : [{ label: 'Gateway', dims: { ApiId: mapOutput(router.gateway?.nodes?.api, (a) => a?.id) }, namespace: 'AWS/ApiGateway', errors: '5xx', total: 'Count' }];
const errorQueries = apiSurface.flatMap((s, i) => [
  { id: `e${i}`, metric: { namespace: s.namespace, metricName: s.errors, dimensions: s.dims, stat: 'Sum', period: PERIOD } },
  { id: `n${i}`, metric: { namespace: s.namespace, metricName: s.total, dimensions: s.dims, stat: 'Sum', period: PERIOD } },
]);
add('Api5xxRate', { kind: 'api', name: apiSurface.map((s) => s.label).join('+') }, {
  evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 5, comparisonOperator: 'GreaterThanThreshold',
  metricQueries: [...errorQueries, rate(`SUM([${apiSurface.map((_, i) => `e${i}`).join(',')}])`, `SUM([${apiSurface.map((_, i) => `n${i}`).join(',')}])`)],
});

export const ALARM_SPECS: readonly AlarmSpec[] = specs;

export const alarms = specs.map(
  (s) =>
    new aws.cloudwatch.MetricAlarm(`Alarm${s.name}`, {
      alarmDescription: `工赋青岛 ${$app.stage}: ${s.subject.kind} ${s.subject.name}`,
      alarmActions: [alarmTopic.arn],
      okActions: [alarmTopic.arn],
      treatMissingData: 'notBreaching',
      ...s.args,
    }),
);

/** The same things on one page: alarm states first, then the metrics behind them. */
const widget = (title: string, metrics: unknown[][], y: number, x = 0, stat = 'Sum') => ({
  type: 'metric', x, y, width: 12, height: 6,
  properties: { title, region: profile.region, stat, period: PERIOD, view: 'timeSeries', metrics },
});
const fnNames = watchedFunctions.map((f) => functionNameOf(f.component));
export const dashboard = new aws.cloudwatch.Dashboard('Operations', {
  dashboardName: `gongfu-qingdao-${$app.stage}`,
  dashboardBody: $jsonStringify({
    widgets: [
      { type: 'alarm', x: 0, y: 0, width: 24, height: 6, properties: { title: 'Alarms', alarms: alarms.map((a: any) => a.arn) } },
      widget('Dead-letter queues: messages waiting', QUEUE_NAMES.map((q) => ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queueNameOf(dlqs[q])]), 6, 0, 'Maximum'),
      widget('Queues: age of oldest message (s)', QUEUE_NAMES.map((q) => ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', queueNameOf(queues[q])]), 6, 12, 'Maximum'),
      widget('Lambda errors', fnNames.map((n) => ['AWS/Lambda', 'Errors', 'FunctionName', n]), 12, 0),
      widget('Lambda throttles', fnNames.map((n) => ['AWS/Lambda', 'Throttles', 'FunctionName', n]), 12, 12),
      widget('API 5xx', apiSurface.map((s) => [s.namespace, s.errors, ...Object.entries(s.dims).flat()]), 18, 0),
      widget('DynamoDB throttle events', [['AWS/DynamoDB', 'ReadThrottleEvents', 'TableName', table.name], ['AWS/DynamoDB', 'WriteThrottleEvents', 'TableName', table.name]], 18, 12),
      widget('Reconciler invocations and errors', [['AWS/Lambda', 'Invocations', 'FunctionName', functionNameOf(reconciler)], ['AWS/Lambda', 'Errors', 'FunctionName', functionNameOf(reconciler)]], 24, 0),
    ],
  }),
});
