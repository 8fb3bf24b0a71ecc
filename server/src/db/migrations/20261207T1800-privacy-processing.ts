import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Records of processing (#21, PIPL art. 54-55 / GDPR art. 30): per tenant and registry object,
 * why its personal data is processed, on what legal basis and how long it is kept. Which fields
 * are personal and who may read them is not stored: it is derived from the registry and roles.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table privacy_processing (
    tenant_id uuid not null references tenants(id),
    object text not null,
    id uuid not null,
    purpose text,
    legal_basis text,
    retention text,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, object)
  );
  alter table privacy_processing enable row level security;
  create policy tenant_isolation on privacy_processing
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on privacy_processing to kehu_app;`)
    .execute(db);
}
