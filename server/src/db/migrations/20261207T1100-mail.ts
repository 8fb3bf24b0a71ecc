import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Outbound e-mail (#18): the tenant's SMTP server (password sealed with the tenant's field
 * cipher), bilingual templates with merge fields, and every message sent or tried (the sent log,
 * which is also the durable queue: a row waits in `queued`/`retrying` until a job delivers it).
 * `idempotency_key` makes a second send with the same key (a retried rule action) the same message.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table mail_settings (
    tenant_id uuid not null references tenants(id),
    host text not null,
    port integer not null,
    secure boolean not null default false,
    username text,
    password_sealed text,
    from_address text not null,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id)
  );
  ${tenantPolicy('mail_settings')}

  create table mail_templates (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    object text,
    subject jsonb not null,
    body jsonb not null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, id)
  );
  create unique index mail_templates_name on mail_templates (tenant_id, lower(name));
  ${tenantPolicy('mail_templates')}

  create table mail_messages (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    idempotency_key text,
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    locale text not null,
    template_id uuid,
    object_type text,
    object_id uuid,
    status text not null default 'queued' check (status in ('queued', 'sending', 'retrying', 'sent', 'failed')),
    attempts integer not null default 0,
    last_error text,
    message_id text not null,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    created_at timestamptz not null default now(),
    created_by uuid,
    sent_at timestamptz,
    primary key (tenant_id, id)
  );
  create unique index mail_messages_idempotency on mail_messages (tenant_id, idempotency_key) where idempotency_key is not null;
  create index mail_messages_recent on mail_messages (tenant_id, created_at desc, id desc);
  create index mail_messages_record on mail_messages (tenant_id, object_type, object_id, created_at desc);
  create index mail_messages_due on mail_messages (next_attempt_at) where status in ('queued', 'retrying', 'sending');
  ${tenantPolicy('mail_messages')}
`)
    .execute(db);
}
