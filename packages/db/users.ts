import type { User } from '#core/schemas/account';
import { getItem, strip, transactIf, type Store } from './store';

const userPk = (id: string) => `USER#${id}`;
const contactPk = (contact: string) => `CONTACT#${contact}`;

export async function getUser(s: Store, id: string): Promise<User | undefined> {
  const item = await getItem(s, userPk(id), 'META');
  return item ? strip<User>(item) : undefined;
}

export async function userIdByContact(s: Store, contact: string): Promise<string | undefined> {
  return (await getItem<{ userId: string }>(s, contactPk(contact), 'USER'))?.userId;
}

/** One user per contact: the contact item is claimed in the same transaction as the user. */
export async function createUser(s: Store, u: User): Promise<boolean> {
  return transactIf(s, [
    { Put: { TableName: s.table, Item: { pk: contactPk(u.contact), sk: 'USER', entity: 'contact', userId: u.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: s.table, Item: { pk: userPk(u.id), sk: 'META', entity: 'user', ...u }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
}
