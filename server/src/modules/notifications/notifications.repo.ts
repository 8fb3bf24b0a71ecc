import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Notifications } from '#db/schema.ts';

export type NotificationRow = Selectable<Notifications>;

/** Inserts; a row whose (user, dedupe key) exists is skipped. Returns the rows written. */
export async function insertNotifications(tx: Tx, rows: Insertable<Notifications>[]): Promise<NotificationRow[]> {
  if (!rows.length) return [];
  return tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((c) => c.columns(['tenant_id', 'user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returningAll()
    .execute();
}

export type ListOptions = { userId: string; unreadOnly: boolean; after: { at: string; id: string } | null; limit: number };

export async function listNotifications(tx: Tx, o: ListOptions): Promise<(NotificationRow & { at_text: string })[]> {
  return tx
    .selectFrom('notifications')
    .selectAll()
    .select(sql<string>`cast(created_at as text)`.as('at_text'))
    .where('user_id', '=', o.userId)
    .$if(o.unreadOnly, (q) => q.where('read_at', 'is', null))
    .$if(!!o.after, (q) => q.where(sql<boolean>`(created_at, id) < (cast(${o.after?.at} as timestamptz), cast(${o.after?.id} as uuid))`))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
}

export async function unreadCount(tx: Tx, userId: string): Promise<{ unread: number; latest: Date | null }> {
  const row = await tx
    .selectFrom('notifications')
    .select([sql<number>`count(*) filter (where read_at is null)::int`.as('unread'), sql<Date | null>`max(created_at)`.as('latest')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { unread: row.unread, latest: row.latest };
}

/** Marks the user's notifications read (the given ones, or all); returns how many changed. */
export async function markRead(tx: Tx, o: { userId: string; ids: string[] | null }): Promise<number> {
  const result = await tx
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', o.userId)
    .where('read_at', 'is', null)
    .$if(o.ids !== null, (q) => q.where('id', 'in', o.ids as string[]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const notificationExists = async (tx: Tx, o: { userId: string; id: string }) =>
  !!(await tx.selectFrom('notifications').select('id').where('id', '=', o.id).where('user_id', '=', o.userId).executeTakeFirst());

export const listPreferences = (tx: Tx, userId: string) =>
  tx.selectFrom('notification_preferences').select(['kind', 'channel']).where('user_id', '=', userId).execute();

export async function putPreferences(tx: Tx, o: { tenantId: string; userId: string; preferences: { kind: string; channel: string }[] }): Promise<void> {
  await tx
    .insertInto('notification_preferences')
    .values(o.preferences.map((p) => ({ tenant_id: o.tenantId, user_id: o.userId, kind: p.kind, channel: p.channel })))
    .onConflict((c) => c.columns(['tenant_id', 'user_id', 'kind']).doUpdateSet((eb) => ({ channel: eb.ref('excluded.channel'), updated_at: new Date() })))
    .execute();
}

export type Recipient = { id: string; email: string; locale: string | null; channel: string | null; is_active: boolean };

/** The users to notify with their language and their channel for `kind` (null: the default). */
export async function recipients(tx: Tx, o: { tenantId: string; userIds: string[]; kind: string }): Promise<Recipient[]> {
  if (!o.userIds.length) return [];
  return tx
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.user_id', '=', 'u.id').on('p.kind', '=', o.kind))
    .select(['u.id', 'u.email', 'u.locale', 'p.channel', 'u.is_active'])
    .where('u.tenant_id', '=', o.tenantId)
    .where('u.id', 'in', o.userIds)
    .execute();
}

export const tenantLocale = async (tx: Tx, tenantId: string) =>
  (await tx.selectFrom('tenants').select('locale').where('id', '=', tenantId).executeTakeFirst())?.locale ?? 'zh-CN';
