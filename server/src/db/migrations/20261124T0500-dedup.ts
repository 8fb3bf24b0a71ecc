import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Entity resolution: blocking keys per record (only records sharing a key are compared),
 * suspected pairs with their score and evidence (a dismissed pair stays, so it is never
 * suggested again), detection runs (checkpointed full scans), merges with the snapshot that
 * an unmerge restores, and per-object settings.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table dedup_keys (
    tenant_id uuid not null references tenants(id),
    object text not null,
    key text not null,
    record_id uuid not null,
    primary key (tenant_id, object, key, record_id)
  );
  create index dedup_keys_record on dedup_keys (tenant_id, object, record_id);
  ${tenantPolicy('dedup_keys')}

  create table dedup_pairs (
    tenant_id uuid not null references tenants(id),
    object text not null,
    record_a uuid not null,
    record_b uuid not null,
    score real not null,
    evidence jsonb not null default '[]',
    status text not null default 'open' check (status in ('open', 'dismissed', 'merged')),
    cluster_id uuid,
    detected_at timestamptz not null default now(),
    decided_at timestamptz,
    decided_by uuid,
    primary key (tenant_id, object, record_a, record_b),
    check (record_a < record_b)
  );
  create index dedup_pairs_b on dedup_pairs (tenant_id, object, record_b);
  create index dedup_pairs_open on dedup_pairs (tenant_id, object, cluster_id) where status = 'open';
  ${tenantPolicy('dedup_pairs')}

  create table dedup_runs (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    phase text not null default 'keys',
    cursor text,
    scanned integer not null default 0,
    compared integer not null default 0,
    found integer not null default 0,
    error text,
    created_by uuid,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, id)
  );
  create index dedup_runs_recent on dedup_runs (tenant_id, object, created_at desc);
  ${tenantPolicy('dedup_runs')}

  create table dedup_merges (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    survivor_id uuid not null,
    merged_id uuid not null,
    snapshot jsonb not null,
    created_by uuid,
    created_at timestamptz not null default now(),
    undone_at timestamptz,
    undone_by uuid,
    primary key (tenant_id, id)
  );
  create index dedup_merges_recent on dedup_merges (tenant_id, object, created_at desc);
  ${tenantPolicy('dedup_merges')}

  create table dedup_settings (
    tenant_id uuid not null references tenants(id),
    object text not null,
    settings jsonb not null default '{}',
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, object)
  );
  ${tenantPolicy('dedup_settings')}
  `)
    .execute(db);
}
