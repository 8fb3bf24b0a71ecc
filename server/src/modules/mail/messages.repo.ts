import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { MailMessages } from '#db/schema.ts';
import { storableText } from '#platform/logging/redaction.ts';
import type { MailAttachment } from './smtp.service.ts';

export type MessageRow = Selectable<MailMessages>;

/** Queues a message; with an idempotency key already used, returns the first message instead. */
export async function insertMessage(tx: Tx, values: Insertable<MailMessages>): Promise<{ row: MessageRow; created: boolean }> {
  const inserted = await tx
    .insertInto('mail_messages')
    .values(values)
    .onConflict((c) => c.columns(['tenant_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const first = await tx
    .selectFrom('mail_messages')
    .selectAll()
    .where('idempotency_key', '=', values.idempotency_key as string)
    .executeTakeFirstOrThrow();
  return { row: first, created: false };
}

/**
 * Takes a message for one delivery attempt: only one that is due (or whose previous attempt's
 * lease ran out, a crashed worker) and not sent. Two workers never hold the same message.
 */
export async function claimMessage(tx: Tx, o: { id: string; leaseSeconds: number }): Promise<MessageRow | undefined> {
  return tx
    .updateTable('mail_messages')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), locked_until: sql`now() + make_interval(secs => ${o.leaseSeconds})` }))
    .where('id', '=', o.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['queued', 'retrying']), eb('next_attempt_at', '<=', sql<Date>`now() + interval '1 second'`)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', sql<Date>`now()`)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('mail_messages').set({ status: 'sent', sent_at: new Date(), last_error: null, locked_until: null }).where('id', '=', id).execute();
}

export async function markFailed(tx: Tx, o: { id: string; error: string; retryInSeconds: number | null }): Promise<void> {
  await tx
    .updateTable('mail_messages')
    .set({
      status: o.retryInSeconds === null ? 'failed' : 'retrying',
      last_error: storableText(o.error),
      locked_until: null,
      ...(o.retryInSeconds === null ? {} : { next_attempt_at: sql<Date>`now() + make_interval(secs => ${o.retryInSeconds})` }),
    })
    .where('id', '=', o.id)
    .execute();
}

/** Gives a failed message another round of attempts (a manual resend). */
export async function requeueMessage(tx: Tx, id: string): Promise<MessageRow | undefined> {
  return tx
    .updateTable('mail_messages')
    .set({ status: 'queued', attempts: 0, next_attempt_at: new Date(), locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}

/** Due messages of every tenant (read as the system by the sweep). */
export async function dueMessages(tx: Tx, limit: number): Promise<{ tenant_id: string; id: string }[]> {
  const { rows } = await sql<{ tenant_id: string; id: string }>`
    select tenant_id, id from mail_messages
    where (status in ('queued', 'retrying') and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
    order by next_attempt_at limit ${limit}`.execute(tx);
  return rows;
}

export const findMessage = (tx: Tx, id: string) => tx.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();

export type ListMessagesOptions = {
  object?: string;
  recordId?: string;
  status?: string;
  /** Only messages this user queued; undefined for all. */
  createdBy?: string;
  after: { at: string; id: string } | null;
  limit: number;
};

/** Newest first, keyset by (created_at, id). */
export async function listMessages(tx: Tx, o: ListMessagesOptions): Promise<(MessageRow & { at_text: string })[]> {
  return tx
    .selectFrom('mail_messages')
    .selectAll()
    .select(sql<string>`cast(created_at as text)`.as('at_text'))
    .$if(!!o.object, (q) => q.where('object_type', '=', o.object as string))
    .$if(!!o.recordId, (q) => q.where('object_id', '=', o.recordId as string))
    .$if(!!o.status, (q) => q.where('status', '=', o.status as string))
    .$if(!!o.createdBy, (q) => q.where('created_by', '=', o.createdBy as string))
    .$if(!!o.after, (q) => q.where(sql<boolean>`(created_at, id) < (cast(${o.after?.at} as timestamptz), cast(${o.after?.id} as uuid))`))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
}

export async function userMailInfo(
  tx: Tx,
  ids: string[],
): Promise<{ id: string; name: string; email: string; locale: string | null; timezone: string | null }[]> {
  if (!ids.length) return [];
  return tx.selectFrom('users').select(['id', 'name', 'email', 'locale', 'timezone']).where('id', 'in', ids).execute();
}

export async function tenantMailInfo(tx: Tx, tenantId: string): Promise<{ locale: string; timezone: string; name: string }> {
  return tx.selectFrom('tenants').select(['locale', 'timezone', 'name']).where('id', '=', tenantId).executeTakeFirstOrThrow();
}

/** Stores the files sent with a message, in its order. */
export async function insertAttachments(tx: Tx, o: { tenantId: string; messageId: string; files: readonly MailAttachment[] }): Promise<void> {
  if (o.files.length === 0) return;
  await tx
    .insertInto('mail_attachments')
    .values(
      o.files.map((f, position) => ({
        tenant_id: o.tenantId,
        message_id: o.messageId,
        position,
        filename: f.filename,
        content_type: f.contentType,
        content: f.content,
      })),
    )
    .execute();
}

/** The files sent with a message. */
export async function attachmentsOf(tx: Tx, messageId: string): Promise<MailAttachment[]> {
  const rows = await tx
    .selectFrom('mail_attachments')
    .select(['filename', 'content_type', 'content'])
    .where('message_id', '=', messageId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: r.content }));
}
