import { parseArgs } from 'node:util';
import { Storage, type StorageAdapter } from '@openauthjs/openauth/storage/storage';
import { openauthStorage } from '../../functions/auth/issuer';
import { loadSettings } from '#settings/settings';
import { openauthLocalCredentials } from './openauth-env';

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
  openauthLocalCredentials(settings);
  // On AWS: --table <the Auth component's storage table>; locally the service's own table.
  const storage = openauthStorage(values.table ? { ...settings, OPENAUTH_STORAGE: JSON.stringify({ type: 'dynamo', options: { table: values.table } }) } : settings, settings.TABLE_NAME);
  const retired = await retireSigningKeys(storage);
  console.log(retired.length ? `retired signing keys: ${retired.join(', ')}; issuer processes started from now on sign with a new key` : 'no active signing key found');
}
