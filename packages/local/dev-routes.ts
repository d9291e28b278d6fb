import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../../functions/api/env';
import { allow } from '../../functions/api/middleware/auth';
import { fromZod } from '../../functions/api/middleware/errors';
import { ContactInput } from '#core/accounts/contact';
import { BUREAU_ORG_ID } from '#core/schemas/account';
import { batchWrite, type Store } from '#db/store';
import { DevMailbox, devMailboxAllowed } from '#notify/dev-mailbox';
import type { Deps } from '#runtime/deps';
import { audit } from '#services/audit';
import { makeBureauAdmin, userForContact } from '#services/sign-in';
import { storeOf } from '#services/store';

// Routes only `npm start` (and the test stack) mounts, never a deployed Lambda: what the demo
// needs and a person at a terminal could otherwise do only with `npm run bureau-admin` or by
// deleting the data directory. Both ask for a bureau token, which only the holder of AUTH_SECRET
// can mint (`npm run token`), so a web page that posts to localhost gets a 401.

/** OpenAuth's signing and encryption keys: a wipe keeps them, or tokens already issued stop verifying. */
const KEPT_PARTITIONS = new Set(['signing:key', 'encryption:key']);

export interface DevControls {
  queueUrls: readonly string[];
  stopPollers(): Promise<void>;
  startPollers(): void;
}

const BureauAdminBody = z.object({ contact: ContactInput });

export function devRoutes(deps: Deps, controls: DevControls) {
  return (app: Hono<ApiEnv>) => {
    if (!devMailboxAllowed(deps.settings.STAGE)) return;
    // The demo's bureau person: the same grant as `npm run bureau-admin`, audited the same way.
    app.post('/dev/bureau-admin', allow('bureau'), async (c) => {
      const body = BureauAdminBody.safeParse(await c.req.json().catch(() => ({})));
      if (!body.success) throw fromZod(body.error);
      const user = await userForContact(deps, body.data.contact);
      const granted = await makeBureauAdmin(deps, user);
      if (granted) await audit(deps, { action: 'bureau_admin.granted', actor: { via: 'cli' }, orgId: BUREAU_ORG_ID, target: user.id, details: { source: 'local dev route' } });
      return c.json({ userId: user.id, granted });
    });
    // `npm run demo -- --reset`: every record goes, consumers paused so none writes half-way through.
    app.post('/dev/reset', allow('bureau'), async (c) => {
      await controls.stopPollers();
      try {
        await Promise.all(controls.queueUrls.map((QueueUrl) => deps.sqs.send(new PurgeQueueCommand({ QueueUrl }))));
        const deleted = await deleteAllItems(storeOf(deps));
        if (deps.messenger instanceof DevMailbox) deps.messenger.clear();
        return c.json({ deleted });
      } finally {
        controls.startPollers();
      }
    });
  };
}

/** Every item but OpenAuth's keys, page by page; returns how many went. */
async function deleteAllItems(s: Store): Promise<number> {
  let deleted = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await s.db.send(new ScanCommand({ TableName: s.table, ProjectionExpression: 'pk, sk', ExclusiveStartKey }));
    const keys = (page.Items ?? []).filter((k) => !KEPT_PARTITIONS.has(String(k.pk)));
    await batchWrite(s, keys.map((Key) => ({ DeleteRequest: { Key } })));
    deleted += keys.length;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return deleted;
}
