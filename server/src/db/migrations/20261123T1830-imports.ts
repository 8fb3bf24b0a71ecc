import { type Kysely, sql } from 'kysely';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

// Landed migrations are never edited; a change is a new file.
// The uploaded file lives in import_chunks (bytea), so any instance on a shared PostgreSQL can run the job.
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table imports (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    file_name text not null,
    format text not null,
    encoding text not null,
    size_bytes bigint not null default 0,
    columns jsonb not null default '[]',
    sample jsonb not null default '[]',
    total_rows integer,
    mapping jsonb not null default '{}',
    dedup jsonb not null default '{}',
    options jsonb not null default '{}',
    status text not null default 'uploaded',
    cursor integer not null default 0,
    created integer not null default 0,
    updated integer not null default 0,
    skipped integer not null default 0,
    failed integer not null default 0,
    error text,
    created_by uuid,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references users(tenant_id, id)
  );
  create index imports_recent on imports (tenant_id, created_at desc);
  ${tenantPolicy('imports')}

  create table import_chunks (
    tenant_id uuid not null,
    import_id uuid not null,
    seq integer not null,
    data bytea not null,
    primary key (tenant_id, import_id, seq),
    foreign key (tenant_id, import_id) references imports(tenant_id, id) on delete cascade
  );
  ${tenantPolicy('import_chunks')}

  create table import_errors (
    tenant_id uuid not null,
    import_id uuid not null,
    row_number integer not null,
    seq integer not null,
    field text,
    message text not null,
    params jsonb not null default '{}',
    raw jsonb not null default '[]',
    primary key (tenant_id, import_id, row_number, seq),
    foreign key (tenant_id, import_id) references imports(tenant_id, id) on delete cascade
  );
  ${tenantPolicy('import_errors')}

  -- What each import wrote, with before-images of updated records, for rollback.
  create table import_records (
    tenant_id uuid not null,
    import_id uuid not null,
    object text not null,
    record_id uuid not null,
    row_number integer not null,
    action text not null,
    before jsonb,
    version_after integer not null,
    primary key (tenant_id, import_id, object, record_id),
    foreign key (tenant_id, import_id) references imports(tenant_id, id) on delete cascade
  );
  ${tenantPolicy('import_records')}
  `)
    .execute(db);
}
