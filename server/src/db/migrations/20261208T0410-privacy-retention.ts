import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Retention policies (#21): per object, records whose `field` (a timestamp such as the last
 * activity) is older than `months` are anonymised or deleted by a daily job; the last run's
 * counts stay on the policy as its report.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table privacy_retention_policies (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    field text not null,
    months integer not null check (months between 1 and 1200),
    action text not null,
    enabled boolean not null default true,
    last_run_at timestamptz,
    last_result jsonb,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, id)
  );
  create unique index privacy_retention_object on privacy_retention_policies (tenant_id, object, field, action);
  alter table privacy_retention_policies enable row level security;
  create policy tenant_isolation on privacy_retention_policies
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on privacy_retention_policies to kehu_app;`)
    .execute(db);
}
