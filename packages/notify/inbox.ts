import type { Store } from '#db/store';
import { putIf, queryPage, strip, type Item } from '#db/store';
import type { Notification, Notifier } from './port';

const inboxPk = (r: Notification['recipient']) => `INBOX#${r.kind}#${r.id}`;

/** Each recipient's inbox in the table; the conditional put makes a repeated notification a no-op. */
export function inboxNotifier(s: Store): Notifier {
  return {
    async notify(n) {
      await putIf(s, { pk: inboxPk(n.recipient), sk: `${n.at}#${n.id}`, entity: 'notification', ...n }, 'attribute_not_exists(pk)');
    },
  };
}

export async function inboxPage(s: Store, recipient: Notification['recipient'], limit: number, cursor?: string) {
  const page = await queryPage<Item>(s, { pk: inboxPk(recipient), limit, cursor, descending: true });
  return { items: page.items.map((i) => strip<Notification>(i)), cursor: page.cursor };
}
