import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * SLA policies (#20): first response and resolution targets in business minutes on a business
 * calendar, for a priority and/or category (the most specific active policy applies). On tickets:
 * the policy, when its clock started (the ticket's creation as the server saw it), both due times, the business minutes spent waiting on the customer (the clock
 * pauses), and when the warning and the breach were announced (each once). The partial index
 * serves the timer pass: open, unpaused tickets with a due time not yet breached.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table ticket_sla_policies (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    owner_id uuid,
    custom jsonb not null default '{}',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    name text not null,
    priority text check (priority in ('low', 'normal', 'high', 'urgent')),
    category text,
    first_response_minutes integer check (first_response_minutes > 0),
    resolution_minutes integer check (resolution_minutes > 0),
    warn_before_minutes integer not null default 60 check (warn_before_minutes >= 0),
    calendar_id uuid,
    active boolean not null default true,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, calendar_id) references business_calendars(tenant_id, id)
  );
  create index ticket_sla_policies_list on ticket_sla_policies (tenant_id, created_at desc, id desc) where deleted_at is null;
  ${tenantPolicy('ticket_sla_policies')}

  alter table tickets add column sla_policy_id uuid;
  alter table tickets add column sla_started_at timestamptz;
  alter table tickets add column first_response_due_at timestamptz;
  alter table tickets add column resolution_due_at timestamptz;
  alter table tickets add column sla_paused_at timestamptz;
  alter table tickets add column sla_paused_minutes double precision not null default 0;
  alter table tickets add column sla_warned_at timestamptz;
  alter table tickets add column sla_breached_at timestamptz;
  alter table tickets add foreign key (tenant_id, sla_policy_id) references ticket_sla_policies(tenant_id, id);
  create index tickets_sla_timer on tickets (least(first_response_due_at, resolution_due_at))
    where deleted_at is null and sla_breached_at is null and sla_paused_at is null and status not in ('resolved', 'closed');

  update roles set permissions = permissions || jsonb_build_object('ticket_sla_policy', '{"read": "all"}'::jsonb)
  where not is_admin and not permissions ? 'ticket_sla_policy';
  `)
    .execute(db);
}
