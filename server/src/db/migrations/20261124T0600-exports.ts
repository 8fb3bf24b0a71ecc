import { type Kysely, sql } from 'kysely';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

// Landed migrations are never edited; a change is a new file.
// Export jobs (the file itself is written under the data dir), saved import mappings, and the
// tenant's default phone region used when cleaning imported phones.
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table exports (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    format text not null,
    query jsonb not null default '{}',
    columns jsonb not null default '[]',
    status text not null default 'queued',
    total_rows integer,
    rows_written integer not null default 0,
    file_name text not null,
    size_bytes bigint not null default 0,
    error text,
    created_by uuid,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    expires_at timestamptz,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references users(tenant_id, id)
  );
  create index exports_recent on exports (tenant_id, created_at desc);
  create index exports_expiring on exports (expires_at) where status = 'done';
  ${tenantPolicy('exports')}

  create table import_mapping_templates (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    name text not null,
    mapping jsonb not null default '[]',
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, object, name),
    foreign key (tenant_id, created_by) references users(tenant_id, id)
  );
  ${tenantPolicy('import_mapping_templates')}

  alter table tenants add column phone_region text not null default 'CN';
  `)
    .execute(db);
}
