import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

const recordColumns = `
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    owner_id uuid,
    custom jsonb not null default '{}',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,`;

/**
 * Service desk routing and macros (#20): ticket queues (records: members with skills, a routing
 * method, the round robin's last pick), agents' availability (one row per user who set it),
 * canned responses (macros: a reply or note body with merge fields and the fields they set),
 * and on tickets their queue and the ticket a merge closed them into.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table ticket_queues (${recordColumns}
    name text not null,
    description text,
    method text not null default 'round_robin' check (method in ('round_robin', 'least_open', 'skill_match', 'manual')),
    members jsonb not null default '[]',
    active boolean not null default true,
    last_user_id uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  );
  create unique index ticket_queues_name on ticket_queues (tenant_id, lower(name)) where deleted_at is null;
  create index ticket_queues_list on ticket_queues (tenant_id, created_at desc, id desc) where deleted_at is null;
  ${tenantPolicy('ticket_queues')}

  create table ticket_agents (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    available boolean not null default true,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  ${tenantPolicy('ticket_agents')}

  create table ticket_macros (${recordColumns}
    name text not null,
    kind text not null default 'reply' check (kind in ('reply', 'note')),
    body text not null default '',
    set_status text check (set_status in ('new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed')),
    set_priority text check (set_priority in ('low', 'normal', 'high', 'urgent')),
    set_queue_id uuid,
    active boolean not null default true,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, set_queue_id) references ticket_queues(tenant_id, id)
  );
  create index ticket_macros_list on ticket_macros (tenant_id, created_at desc, id desc) where deleted_at is null;
  ${tenantPolicy('ticket_macros')}

  alter table tickets add column queue_id uuid;
  alter table tickets add column merged_into_id uuid;
  alter table tickets add foreign key (tenant_id, queue_id) references ticket_queues(tenant_id, id);
  alter table tickets add foreign key (tenant_id, merged_into_id) references tickets(tenant_id, id);
  create index tickets_queue on tickets (tenant_id, queue_id, status) where deleted_at is null;

  update roles set permissions = permissions
    || jsonb_build_object('ticket_queue', '{"read": "all"}'::jsonb, 'ticket_macro', '{"read": "all"}'::jsonb)
  where not is_admin and not permissions ? 'ticket_queue';
  `)
    .execute(db);
}
