import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** Moves every message of `from` into `to`'s thread (a merge); returns how many moved. */
export async function moveAllMessages(tx: Tx, o: { from: string; to: string }): Promise<number> {
  const res = await tx.updateTable('ticket_messages').set({ ticket_id: o.to }).where('ticket_id', '=', o.from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function moveMessage(tx: Tx, o: { messageId: string; to: string }): Promise<void> {
  await tx.updateTable('ticket_messages').set({ ticket_id: o.to }).where('id', '=', o.messageId).execute();
}

export async function messageCount(tx: Tx, ticketId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ticket_messages where ticket_id = ${ticketId}`.execute(tx);
  return rows[0]?.n ?? 0;
}
