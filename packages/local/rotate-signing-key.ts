import { parseArgs } from 'node:util';
import { DynamoStorage } from '@openauthjs/openauth/storage/dynamo';
import { Storage, type StorageAdapter } from '@openauthjs/openauth/storage/storage';
import { loadSettings } from '../settings/settings';

interface SigningKey {
  id: string;
  expired?: number;
}

/**
 * Retires the issuer's current signing keys. OpenAuth then creates a new key when an issuer
 * process next starts; the retired keys stay in the JWKS (with `exp`) so tokens already issued
 * keep verifying until they expire. Delete a retired key's item only after the access-token TTL.
 */
export async function retireSigningKeys(storage: StorageAdapter, now = Date.now()): Promise<string[]> {
  const retired: string[] = [];
  for await (const [key, value] of Storage.scan<SigningKey>(storage, ['signing:key'])) {
    if (value.expired) continue;
    await Storage.set(storage, key, { ...value, expired: now });
    retired.push(value.id);
  }
  return retired;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { table: { type: 'string' } } });
  const settings = loadSettings();
  if (settings.DYNAMODB_ENDPOINT) {
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  }
  process.env.AWS_REGION ??= settings.AWS_REGION;
  // On AWS: --table <the Auth component's storage table>; locally the service's own table.
  const storage = values.table
    ? DynamoStorage({ table: values.table })
    : DynamoStorage({ table: settings.TABLE_NAME, endpoint: settings.DYNAMODB_ENDPOINT, pk: 'pk', sk: 'sk', ttl: 'expiresAt' });
  const retired = await retireSigningKeys(storage);
  console.log(retired.length ? `retired signing keys: ${retired.join(', ')}; issuer processes started from now on sign with a new key` : 'no active signing key found');
}
