import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Privacy (#21): legal holds (a record, or a whole request's subject, kept from erasure and
 * retention until released; a released hold stays as the record of it), a request's one
 * deadline extension, each tenant's deadline settings (days per law, reminder lead), and the
 * daily deadline job's claims (one reminder or escalation per request and day).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table privacy_legal_holds (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text,
    record_id uuid,
    request_id uuid,
    reason text not null,
    placed_at timestamptz not null default now(),
    placed_by uuid,
    released_at timestamptz,
    released_by uuid,
    release_reason text,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade,
    check ((record_id is not null and object is not null) or request_id is not null)
  );
  create index privacy_legal_holds_record on privacy_legal_holds (tenant_id, record_id) where released_at is null;
  create index privacy_legal_holds_request on privacy_legal_holds (tenant_id, request_id) where released_at is null;
  ${tenantPolicy('privacy_legal_holds')}

  alter table privacy_requests add column extended_at timestamptz;
  alter table privacy_requests add column extended_by uuid;
  alter table privacy_requests add column extension_reason text;

  create table privacy_settings (
    tenant_id uuid not null references tenants(id),
    pipl_days integer not null default 15,
    gdpr_days integer not null default 30,
    remind_days integer not null default 3,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id)
  );
  ${tenantPolicy('privacy_settings')}

  create table privacy_deadline_notices (
    tenant_id uuid not null references tenants(id),
    request_id uuid not null,
    kind text not null,
    day date not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, request_id, kind, day),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade
  );
  ${tenantPolicy('privacy_deadline_notices')}`)
    .execute(db);
}
