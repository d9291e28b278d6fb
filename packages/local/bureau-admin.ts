import { parseArgs } from 'node:util';
import { parseContact } from '#core/accounts/contact';
import { BUREAU_ORG_ID } from '#core/schemas/account';
import { createDeps, type Deps } from '#runtime/deps';
import { audit } from '#services/audit';
import { makeBureauAdmin, userForContact } from '#services/sign-in';
import { loadSettings } from '#settings/settings';

/**
 * The first bureau admin, never from sign-up: `npm run bureau-admin -- --contact someone@qingdao.gov.cn`.
 * Against a deployed stage set TABLE_NAME (and AWS credentials); locally DYNAMODB_ENDPOINT as `npm start` prints.
 */
export async function grantBureauAdmin(deps: Deps, raw: string): Promise<{ userId: string; granted: boolean }> {
  const contact = parseContact(raw);
  if (!contact) throw new Error(`not an e-mail address or mainland mobile number: ${raw}`);
  const user = await userForContact(deps, contact.value);
  const granted = await makeBureauAdmin(deps, user);
  if (granted) await audit(deps, { action: 'bureau_admin.granted', actor: { via: 'cli' }, orgId: BUREAU_ORG_ID, target: user.id, details: { source: 'bureau-admin command' } });
  return { userId: user.id, granted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { contact: { type: 'string' } } });
  if (!values.contact) {
    console.error('usage: npm run bureau-admin -- --contact <e-mail or mobile>   (TABLE_NAME, DYNAMODB_ENDPOINT from the environment)');
    process.exit(2);
  }
  const settings = loadSettings();
  const deps = createDeps(settings, { tableName: settings.TABLE_NAME, queueUrls: {} as Deps['resources']['queueUrls'], bucketName: settings.BUCKET_NAME });
  const r = await grantBureauAdmin(deps, values.contact);
  console.log(r.granted ? `bureau admin: ${values.contact} (${r.userId})` : `${values.contact} (${r.userId}) was already a bureau member`);
  deps.ddb.destroy();
  deps.sqs.destroy();
}
