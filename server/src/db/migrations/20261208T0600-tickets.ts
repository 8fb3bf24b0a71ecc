import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Service desk (#20): tickets (a record object: number from the tenant's series, customer, channel,
 * category, priority, status, assignee) and each ticket's thread: inbound mail, public replies
 * (queued through the mail module; `mail_message_id` is the sent log row) and internal notes.
 * `message_id` holds the RFC 5322 Message-ID of mail in and out, so replies thread by
 * In-Reply-To / References; `from_address` + `created_at` serve the inbound per-sender limit.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table tickets (
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
    number text not null,
    name text not null,
    description text,
    contact_id uuid,
    company_id uuid,
    channel text not null default 'web' check (channel in ('email', 'web', 'portal', 'api', 'phone')),
    category text,
    priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    status text not null default 'new' check (status in ('new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed')),
    assignee_id uuid,
    tags text[] not null default '{}',
    requester_email text,
    first_response_at timestamptz,
    resolved_at timestamptz,
    closed_at timestamptz,
    last_message_at timestamptz,
    search_text text not null default '',
    phone_digits text not null default '',
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, assignee_id) references users(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id)
  );
  create unique index tickets_number on tickets (tenant_id, number);
  create index tickets_list on tickets (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index tickets_owner on tickets (tenant_id, owner_id);
  create index tickets_assignee on tickets (tenant_id, assignee_id, status) where deleted_at is null;
  create index tickets_contact on tickets (tenant_id, contact_id) where contact_id is not null;
  create index tickets_company on tickets (tenant_id, company_id) where company_id is not null;
  create index tickets_status on tickets (tenant_id, status, created_at desc) where deleted_at is null;
  create index tickets_search on tickets using gin (search_text gin_trgm_ops);
  create index tickets_search_bigrams on tickets using gin (search_bigrams(search_text));
  create index tickets_tags on tickets using gin (tenant_id, tags);
  ${tenantPolicy('tickets')}

  create table ticket_messages (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    ticket_id uuid not null,
    kind text not null check (kind in ('inbound', 'reply', 'note')),
    author_id uuid,
    from_address text,
    from_name text,
    to_address text,
    subject text,
    body_text text not null default '',
    body_html text,
    message_id text,
    in_reply_to text,
    mail_message_id uuid,
    mentions uuid[] not null default '{}',
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, ticket_id) references tickets(tenant_id, id),
    foreign key (tenant_id, author_id) references users(tenant_id, id)
  );
  create index ticket_messages_thread on ticket_messages (tenant_id, ticket_id, created_at, id);
  create index ticket_messages_message_id on ticket_messages (tenant_id, message_id) where message_id is not null;
  create index ticket_messages_sender on ticket_messages (tenant_id, lower(from_address), created_at) where kind = 'inbound';
  ${tenantPolicy('ticket_messages')}
  `)
    .execute(db);
}
