import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type TicketMessageKind = 'inbound' | 'reply' | 'note';

export type TicketMessageInsert = {
  tenant_id: string;
  id: string;
  ticket_id: string;
  kind: TicketMessageKind;
  author_id: string | null;
  from_address: string | null;
  from_name: string | null;
  to_address: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  mail_message_id: string | null;
  mentions: string[];
};

export type TicketMessageRow = TicketMessageInsert & { created_at: Date; author_name: string | null };

export async function insertTicketMessage(tx: Tx, values: TicketMessageInsert): Promise<void> {
  await tx.insertInto('ticket_messages').values(values).execute();
}

/** A ticket's thread, oldest first; notes only when `notes`. */
export async function listTicketMessages(tx: Tx, o: { ticketId: string; notes: boolean }): Promise<TicketMessageRow[]> {
  const { rows } = await sql<TicketMessageRow>`
    select m.*, u.name as author_name from ticket_messages m
    left join users u on u.tenant_id = m.tenant_id and u.id = m.author_id
    where m.ticket_id = ${o.ticketId} ${o.notes ? sql`` : sql`and m.kind <> 'note'`}
    order by m.created_at, m.id`.execute(tx);
  return rows;
}

/** The Message-IDs of the thread (for References on a reply), oldest first. */
export async function threadMessageIds(tx: Tx, ticketId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('ticket_messages')
    .select('message_id')
    .where('ticket_id', '=', ticketId)
    .where('message_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.message_id as string);
}

/** Active users among `ids` (mentions name only colleagues). */
export async function activeUserIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('users').select('id').where('id', 'in', ids).where('is_active', '=', true).execute();
  return rows.map((r) => r.id);
}

export async function findTicketMessage(tx: Tx, id: string): Promise<TicketMessageRow | undefined> {
  const { rows } = await sql<TicketMessageRow>`
    select m.*, u.name as author_name from ticket_messages m
    left join users u on u.tenant_id = m.tenant_id and u.id = m.author_id
    where m.id = ${id}`.execute(tx);
  return rows[0];
}

export async function userName(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
