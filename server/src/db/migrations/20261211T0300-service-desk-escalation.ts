import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Service desk, second step (#20): SLA policies also match the customer's tier (the company's
 * `tier`) and say how a breach escalates (notify the assignee's manager; raise the priority one
 * step). A ticket opened by a customer's reply to an old one names it (`follow_up_of_id`). The
 * desk's settings (one row per tenant): how many days after resolving a reply still reopens the
 * ticket, and whether a reply to a closed ticket reopens it or opens a follow-up.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table ticket_sla_policies add column customer_tier text;
  alter table ticket_sla_policies add column escalate_to_manager boolean not null default true;
  alter table ticket_sla_policies add column escalate_priority boolean not null default false;

  alter table tickets add column follow_up_of_id uuid;
  alter table tickets add foreign key (tenant_id, follow_up_of_id) references tickets(tenant_id, id);

  create table ticket_desk_settings (
    tenant_id uuid not null references tenants(id),
    reopen_within_days integer check (reopen_within_days between 1 and 3650),
    closed_reply text not null default 'follow_up' check (closed_reply in ('follow_up', 'reopen')),
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id)
  );
  alter table ticket_desk_settings enable row level security;
  create policy tenant_isolation on ticket_desk_settings
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ticket_desk_settings to kehu_app;
  `)
    .execute(db);
}
