import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LinkTarget = { id: string; owner_id: string | null; company_id: string | null };

/** A live contact or company an activity may link to (with the contact's company), or undefined. */
export async function findLinkTarget(tx: Tx, table: 'contacts' | 'companies' | 'deals' | 'leads', id: string): Promise<LinkTarget | undefined> {
  if (table === 'leads') {
    return tx
      .selectFrom('leads')
      .select(['id', 'owner_id', sql<string | null>`null::uuid`.as('company_id')])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }
  if (table === 'contacts' || table === 'deals') {
    return tx.selectFrom(table).select(['id', 'owner_id', 'company_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  }
  const row = await tx.selectFrom('companies').select(['id', 'owner_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && { ...row, company_id: null };
}

/**
 * Recomputes `last_activity_at` from the live activities that have happened, so deletes and
 * relinks move it back too. Neither version nor updated_at moves: an activity logged by a
 * colleague must not make someone's open edit of the contact stale (412).
 */
export async function refreshLastActivity(tx: Tx, o: { contactIds: string[]; companyIds: string[]; dealIds?: string[]; leadIds?: string[] }): Promise<void> {
  if (o.leadIds?.length) {
    await sql`update leads l set last_activity_at = (
        select max(a.occurred_at) from activities a
        where a.tenant_id = l.tenant_id and a.lead_id = l.id and a.deleted_at is null and a.occurred_at <= now() and a.type <> 'task')
      where l.id = any(${sql`cast(${o.leadIds} as uuid[])`})`.execute(tx);
  }
  if (o.dealIds?.length) {
    await sql`update deals d set last_activity_at = (
        select max(a.occurred_at) from activities a
        where a.tenant_id = d.tenant_id and a.deal_id = d.id and a.deleted_at is null and a.occurred_at <= now() and a.type <> 'task')
      where d.id = any(${sql`cast(${o.dealIds} as uuid[])`})`.execute(tx);
  }
  if (o.contactIds.length) {
    await sql`update contacts c set last_activity_at = (
        select max(a.occurred_at) from activities a
        where a.tenant_id = c.tenant_id and a.contact_id = c.id and a.deleted_at is null and a.occurred_at <= now())
      where c.id = any(${sql`cast(${o.contactIds} as uuid[])`})`.execute(tx);
  }
  if (o.companyIds.length) {
    await sql`update companies c set last_activity_at = (
        select max(a.occurred_at) from activities a
        where a.tenant_id = c.tenant_id and a.company_id = c.id and a.deleted_at is null and a.occurred_at <= now())
      where c.id = any(${sql`cast(${o.companyIds} as uuid[])`})`.execute(tx);
  }
}

export type DueReminder = {
  tenant_id: string;
  id: string;
  owner_id: string | null;
  subject: string;
  contact_id: string | null;
  company_id: string | null;
  due_at: Date | null;
  remind_at: Date;
};

/**
 * Claims up to `limit` due reminders across tenants and marks them sent. SKIP LOCKED lets
 * several runners share the work; `reminded_at is null` makes a claimed reminder final.
 */
export async function claimDueReminders(tx: Tx, o: { now: Date; limit: number }): Promise<DueReminder[]> {
  const { rows } = await sql<DueReminder>`
    update activities a set reminded_at = ${o.now}
    from (
      select tenant_id, id from activities
      where type = 'task' and remind_at is not null and reminded_at is null and done_at is null and deleted_at is null
        and remind_at <= ${o.now}
      order by remind_at
      limit ${o.limit}
      for update skip locked
    ) due
    where a.tenant_id = due.tenant_id and a.id = due.id
    returning a.tenant_id, a.id, a.owner_id, a.subject, a.contact_id, a.company_id, a.due_at, a.remind_at`.execute(tx);
  return rows;
}
