import type { Settings } from '#settings/settings';

/**
 * OpenAuth's DynamoStorage signs its requests (aws4fetch) with credentials from the environment,
 * not from our clients; against DynamoDB Local any will do.
 */
export function openauthLocalCredentials(settings: Settings): void {
  if (settings.DYNAMODB_ENDPOINT) {
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  }
  process.env.AWS_REGION ??= settings.AWS_REGION;
}
