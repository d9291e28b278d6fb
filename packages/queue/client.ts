import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsClientOptions } from '../db/client';

export function makeSqsClient(opts: AwsClientOptions): SQSClient {
  return new SQSClient({
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
}
