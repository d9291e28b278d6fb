import { Resource } from 'sst';
import { loadSettings } from '../settings/settings';
import { QUEUES, QUEUE_NAMES, type QueueName } from '../queue/queues';
import { createDeps, type Deps, type Resources } from './deps';

/** On AWS the names come from SST links, never from hard-coded strings. */
function resourcesFromSst(): Resources {
  const linked = Resource as unknown as Record<string, { name?: string; url?: string; value?: string }>;
  const queueUrls = Object.fromEntries(
    QUEUE_NAMES.map((q) => [q, linked[QUEUES[q].resource]!.url!]),
  ) as Record<QueueName, string>;
  return { tableName: linked.Table!.name!, queueUrls };
}

let deps: Deps | undefined;

/** Lambda entry points share one Deps per warm container. */
export function lambdaDeps(): Deps {
  if (!deps) {
    const linked = Resource as unknown as Record<string, { value?: string }>;
    const settings = loadSettings({ ...process.env, AUTH_SECRET: linked.AuthSecret?.value, OPENAI_API_KEY: linked.OpenAIApiKey?.value });
    deps = createDeps(settings, resourcesFromSst());
  }
  return deps;
}

/** Wraps a factory `(deps) => handler` into a Lambda export that builds deps lazily once. */
export function lambdaHandler<E, R>(factory: (deps: Deps) => (event: E, context: import('aws-lambda').Context) => Promise<R>) {
  let built: ((event: E, context: import('aws-lambda').Context) => Promise<R>) | undefined;
  return (event: E, context: import('aws-lambda').Context) => (built ??= factory(lambdaDeps()))(event, context);
}
