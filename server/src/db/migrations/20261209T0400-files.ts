import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * File storage (#19, platform/files): one row per stored file, linked to the record it belongs to
 * (`record_type` is the registry's object name, `record_id` its id; access follows that record).
 * The bytes live in the store named by `storage` under `storage_key`. `file_settings` holds a
 * tenant's size and type limits (no row: the defaults).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table files (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    content_type text not null,
    size_bytes bigint not null check (size_bytes >= 0),
    sha256 text not null,
    storage text not null check (storage in ('local', 's3')),
    storage_key text not null,
    record_type text not null,
    record_id uuid not null,
    created_at timestamptz not null default now(),
    created_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references users(tenant_id, id)
  );
  create index files_record on files (tenant_id, record_type, record_id, created_at);
  ${tenantPolicy('files')}

  create table file_settings (
    tenant_id uuid not null references tenants(id),
    max_bytes bigint not null check (max_bytes > 0),
    allowed_types text[] not null,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id)
  );
  ${tenantPolicy('file_settings')}
`)
    .execute(db);
}
