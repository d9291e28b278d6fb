import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsClientOptions {
  endpoint?: string;
  region: string;
}

// Local servers accept any signature; real AWS gets the ambient Lambda credentials instead.
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function makeDynamoClient(opts: AwsClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint, credentials: localCredentials } : {}),
    maxAttempts: 6,
  });
}

export function makeDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
