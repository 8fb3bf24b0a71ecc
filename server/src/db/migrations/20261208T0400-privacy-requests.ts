import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Data-subject requests (#21, PIPL art. 44-50 / GDPR art. 15-21): one row per request with its
 * statutory deadline and handler; the export package of an access request (kept until downloaded
 * once); and the suppression list, which holds only keyed hashes of erased or opted-out
 * e-mail addresses and phone numbers, so imports, forms and mail can refuse them.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table privacy_requests (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    kind text not null,
    status text not null default 'received',
    subject_email text,
    subject_phone text,
    subject_name text,
    channel text not null default 'agent',
    law text not null default 'pipl',
    locale text not null default 'zh-CN',
    received_at timestamptz not null default now(),
    due_at timestamptz not null,
    handler_id uuid,
    verified_at timestamptz,
    verified_by uuid,
    note text,
    result jsonb,
    completed_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, id)
  );
  create index privacy_requests_queue on privacy_requests (tenant_id, status, due_at);
  ${tenantPolicy('privacy_requests')}

  create table privacy_exports (
    tenant_id uuid not null references tenants(id),
    request_id uuid not null,
    content bytea,
    size integer not null,
    created_at timestamptz not null default now(),
    created_by uuid,
    downloaded_at timestamptz,
    downloaded_by uuid,
    primary key (tenant_id, request_id),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade
  );
  ${tenantPolicy('privacy_exports')}

  create table privacy_suppressions (
    tenant_id uuid not null references tenants(id),
    kind text not null,
    hash text not null,
    reason text not null,
    request_id uuid,
    created_at timestamptz not null default now(),
    primary key (tenant_id, kind, hash)
  );
  ${tenantPolicy('privacy_suppressions')}`)
    .execute(db);
}
