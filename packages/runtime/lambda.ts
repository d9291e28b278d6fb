import { Resource } from 'sst';
import { loadSettings, type Settings } from '#settings/settings';
import { QUEUES, QUEUE_NAMES, dlqResourceName, type QueueName } from '#queue/queues';
import { createDeps, type Deps, type Resources } from './deps';

/** On AWS the names come from SST links, never from hard-coded strings. */
function resourcesFromSst(): Resources {
  const linked = Resource as unknown as Record<string, { name?: string; url?: string; value?: string }>;
  const queueUrls = Object.fromEntries(
    QUEUE_NAMES.map((q) => [q, linked[QUEUES[q].resource]!.url!]),
  ) as Record<QueueName, string>;
  // Only the reconciler links the dead-letter queues; SST's Resource throws on unlinked names.
  const deadLetterUrls = Object.fromEntries(QUEUE_NAMES.flatMap((q) => (dlqResourceName(q) in linked ? [[q, linked[dlqResourceName(q)]!.url!]] : [])));
  return { tableName: linked.Table!.name!, queueUrls, bucketName: linked.Evidence!.name!, deadLetterUrls };
}

let deps: Deps | undefined;

/** Lambda entry points share one Deps per warm container; `extra` adds what only some need. */
export function lambdaDeps(extra: (settings: Settings) => Partial<Deps> = () => ({})): Deps {
  if (!deps) {
    const linked = Resource as unknown as Record<string, { value?: string; url?: string }>;
    // The API finds the sign-in server's JWKS through its link (infra/api.ts); other functions have
    // none, and SST's Resource throws on reading a resource that is not linked.
    // The China profile's senders link their providers' keys (infra/delivery.ts); nobody else does.
    const secret = (name: string) => (name in linked ? linked[name]?.value : undefined);
    const settings = loadSettings({
      ...process.env,
      AUTH_SECRET: linked.AuthSecret?.value,
      OPENAI_API_KEY: linked.OpenAIApiKey?.value,
      // China profile: no Auth component to link; the issuer's URL comes in the environment.
      AUTH_ISSUER_URL: 'Auth' in linked ? linked.Auth?.url : process.env.AUTH_ISSUER_URL,
      SMS_SECRET_ID: secret('SmsSecretId'),
      SMS_SECRET_KEY: secret('SmsSecretKey'),
      SMTP_PASSWORD: secret('SmtpPassword') === 'unset' ? undefined : secret('SmtpPassword'),
    });
    deps = createDeps(settings, resourcesFromSst(), extra(settings));
  }
  return deps;
}
