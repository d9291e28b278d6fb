import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsClientOptions } from '#db/client';
import { meterSqs } from '#metering/sqs';

export function makeSqsClient(opts: AwsClientOptions): SQSClient {
  const client = new SQSClient({
    region: opts.region,
    ...(opts.endpoint
      ? {
          endpoint: opts.endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          // Local queue URLs name a virtual host; send everything to the endpoint instead.
          useQueueUrlAsEndpoint: false,
        }
      : {}),
    maxAttempts: 6,
  });
  if (opts.meter) meterSqs(client, opts.meter);
  return client;
}
