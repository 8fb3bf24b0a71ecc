import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** A task on a company's or a contact's timeline (a B2C customer's pool reminder links the contact). */
export type SystemTask = { ownerId: string; companyId?: string | null; contactId?: string | null; subject: string; dueAt: Date };

/**
 * Tasks the system creates for owners (reminders of other modules), many in one statement, each
 * with its audit row and `activity.created` event. `occurred_at` is the due time, so a reminder
 * never counts as a follow-up (last_activity_at ignores the future).
 */
export async function insertSystemTasks(tx: Tx, o: { tenantId: string; tasks: SystemTask[] }): Promise<number> {
  if (!o.tasks.length) return 0;
  const col = <T>(f: (t: SystemTask) => T) => o.tasks.map(f);
  const uuidv7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;
  const { rows } = await sql<{ n: string }>`
    with input as (
      select * from unnest(cast(${col((t) => t.ownerId)} as uuid[]), cast(${col((t) => t.companyId ?? null)} as uuid[]),
        cast(${col((t) => t.contactId ?? null)} as uuid[]), cast(${col((t) => t.subject)} as text[]),
        cast(${col((t) => t.dueAt.toISOString())} as timestamptz[])) as u(owner_id, company_id, contact_id, subject, due_at)
    ),
    created as (
      insert into activities (tenant_id, id, owner_id, type, subject, company_id, contact_id, occurred_at, due_at)
      select cast(${o.tenantId} as uuid), ${uuidv7}, owner_id, 'task', subject, company_id, contact_id, due_at, due_at from input
      returning id, owner_id, subject, company_id, contact_id, due_at
    ),
    audit as (
      insert into audit_log (tenant_id, id, action, object_type, object_id, changes)
      select cast(${o.tenantId} as uuid), ${uuidv7}, 'created', 'activity', id, jsonb_build_object(
        'type', jsonb_build_object('from', null, 'to', 'task'), 'subject', jsonb_build_object('from', null, 'to', subject),
        'ownerId', jsonb_build_object('from', null, 'to', owner_id), 'dueAt', jsonb_build_object('from', null, 'to', due_at))
        || case when company_id is null then '{}' else jsonb_build_object('companyId', jsonb_build_object('from', null, 'to', company_id)) end
        || case when contact_id is null then '{}' else jsonb_build_object('contactId', jsonb_build_object('from', null, 'to', contact_id)) end
      from created
    ),
    events as (
      insert into outbox (tenant_id, id, type, object_type, object_id, payload)
      select cast(${o.tenantId} as uuid), ${uuidv7}, 'activity.created', 'activity', id,
        jsonb_build_object('system', true, 'ownerId', owner_id, 'companyId', company_id, 'contactId', contact_id, 'subject', subject, 'dueAt', due_at) from created
    )
    select count(*) as n from created`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}
