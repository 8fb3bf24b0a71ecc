import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Page layouts per object (#17): the list's default columns and the detail page's sections,
 * one row per tenant and registry object (standard or custom). A missing row, or a null column,
 * means the web's defaults. `id` names the layout in the audit log and events (their object ids
 * are uuids); the key is (tenant_id, object).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table object_layouts (
    tenant_id uuid not null references tenants(id),
    object text not null,
    id uuid not null,
    list_columns jsonb,
    sections jsonb,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, object)
  );
  alter table object_layouts enable row level security;
  create policy tenant_isolation on object_layouts
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on object_layouts to kehu_app;`)
    .execute(db);
}
