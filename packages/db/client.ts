import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { meterDynamo } from '#metering/dynamo';
import type { Meter } from '#metering/meter';

export interface AwsClientOptions {
  endpoint?: string;
  region: string;
  /** The process's counters; the client then reports what each call consumed into them. */
  meter?: Meter;
}

// Local servers accept any signature; real AWS gets the ambient Lambda credentials instead.
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function makeDynamoClient(opts: AwsClientOptions): DynamoDBClient {
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint, credentials: localCredentials } : {}),
    maxAttempts: 6,
  });
  if (opts.meter) meterDynamo(client, opts.meter);
  return client;
}

export function makeDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
