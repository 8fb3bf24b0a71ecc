import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LinkTarget = { id: string; owner_id: string | null; company_id: string | null; name: string };

export async function findContact(tx: Tx, id: string): Promise<LinkTarget | undefined> {
  return tx.selectFrom('contacts').select(['id', 'owner_id', 'company_id', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findCompany(tx: Tx, id: string): Promise<LinkTarget | undefined> {
  const row = await tx.selectFrom('companies').select(['id', 'owner_id', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && { ...row, company_id: null };
}

/** Phone digits of the ticket's contact and company, so `q` finds a ticket by the caller's number. */
export async function phoneDigitsOfLinks(tx: Tx, o: { companyId: string | null; contactId: string | null }): Promise<string> {
  const { rows } = await sql<{ d: string }>`
    select phone_digits as d from companies where id = ${o.companyId}
    union all select phone_digits from contacts where id = ${o.contactId}`.execute(tx);
  return rows
    .map((r) => r.d)
    .filter(Boolean)
    .join(' ');
}

/** The live contact holding this address (lower case, as mail compares), oldest first. */
export async function contactByEmail(tx: Tx, address: string): Promise<LinkTarget | undefined> {
  const { rows } = await sql<LinkTarget>`
    select id, owner_id, company_id, name from contacts
    where email_keys(emails) && array[${address.toLowerCase()}]::text[] and deleted_at is null
    order by created_at, id limit 1`.execute(tx);
  return rows[0];
}

/** A live ticket by its number (a reply's subject names it). */
export async function ticketIdByNumber(tx: Tx, number: string): Promise<string | undefined> {
  const row = await tx.selectFrom('tickets').select('id').where('number', '=', number).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.id;
}

/** The live ticket whose thread holds one of these Message-IDs (mail in or out), the newest match first. */
export async function ticketIdByMessageIds(tx: Tx, messageIds: string[]): Promise<string | undefined> {
  if (!messageIds.length) return undefined;
  const { rows } = await sql<{ ticket_id: string }>`
    select m.ticket_id from ticket_messages m join tickets t on t.tenant_id = m.tenant_id and t.id = m.ticket_id
    where m.message_id = any(${sql`cast(${messageIds} as text[])`}) and t.deleted_at is null
    order by m.created_at desc limit 1`.execute(tx);
  return rows[0]?.ticket_id;
}

/** Inbound messages from this sender since `since` (the per-sender limit). */
export async function inboundCountSince(tx: Tx, o: { address: string; since: Date }): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ticket_messages
    where kind = 'inbound' and lower(from_address) = ${o.address.toLowerCase()} and created_at > ${o.since}`.execute(tx);
  return rows[0]?.n ?? 0;
}

/** The contact's first e-mail address, if any (where a public reply goes when the ticket names none). */
export async function contactEmail(tx: Tx, contactId: string): Promise<string | undefined> {
  const { rows } = await sql<{ address: string }>`
    select e->>'address' as address from contacts c, jsonb_array_elements(case when jsonb_typeof(c.emails) = 'array' then c.emails else '[]' end) e
    where c.id = ${contactId} and e->>'address' is not null limit 1`.execute(tx);
  return rows[0]?.address;
}

export type CustomerTicketRow = { id: string; number: string; name: string; status: string; priority: string; created_at: Date; owner_id: string | null };

/** Locks a ticket row for the rest of the transaction: a reply and inbound mail on one ticket queue instead of racing. */
export async function lockTicket(tx: Tx, id: string): Promise<void> {
  await sql`select 1 from tickets where id = ${id} for update`.execute(tx);
}
