import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Business calendars (platform/calendars): per tenant, named calendars with a time zone, weekly working
 * intervals (Monday first), holidays and make-up working days (调休); at most one default per tenant.
 * Existing tenants get a default Mon–Fri 09:00–18:00 in their zone (holidays are added in settings).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table business_calendars (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    time_zone text not null,
    week jsonb not null,
    holidays jsonb not null default '[]',
    workdays jsonb not null default '[]',
    is_default boolean not null default false,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id)
  );
  create unique index business_calendars_name on business_calendars (tenant_id, lower(name));
  create unique index business_calendars_one_default on business_calendars (tenant_id) where is_default;
  alter table business_calendars enable row level security;
  create policy tenant_isolation on business_calendars
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on business_calendars to kehu_app;
  insert into business_calendars (tenant_id, id, name, time_zone, week, is_default)
    select t.id, gen_random_uuid(), 'Standard hours', t.timezone,
      '[[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[],[]]'::jsonb,
      true
    from tenants t
    where not exists (select 1 from business_calendars c where c.tenant_id = t.id);`)
    .execute(db);
}
