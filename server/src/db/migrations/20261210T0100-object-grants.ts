import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * The objects whose default grants a tenant's built-in roles were given (#17): tenant creation
 * records every object, and the sync at start (platform/tenancy/object-grants.service.ts) gives
 * an object new to a tenant its defaults once, so a module no longer ships a role migration and
 * a grant an admin removed stays removed. Every object with defaults today is recorded for the
 * existing tenants: their roles already say what they should about them.
 */
const OBJECTS_WITH_DEFAULTS = [
  'user',
  'team',
  'company',
  'contact',
  'activity',
  'lead',
  'pool',
  'deal',
  'pipeline',
  'automation',
  'product',
  'price_book',
  'quote',
  'contract',
  'instalment',
  'payment',
  'invoice',
  'order',
  'ticket',
  'ticket_queue',
  'ticket_macro',
  'ticket_sla_policy',
];

export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table object_grants (
    tenant_id uuid not null references tenants(id),
    object text not null,
    granted_at timestamptz not null default now(),
    primary key (tenant_id, object)
  );
  ${tenantPolicy('object_grants')}

  insert into object_grants (tenant_id, object)
    select t.id, o.name from tenants t cross join unnest(array[${OBJECTS_WITH_DEFAULTS.map((o) => `'${o}'`).join(', ')}]) as o(name);
  `)
    .execute(db);
}
