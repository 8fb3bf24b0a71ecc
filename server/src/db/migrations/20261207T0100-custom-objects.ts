import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Custom objects (docs/decisions.md, "Custom objects: a table per object"): the definitions an
 * admin creates at runtime. Each object's records live in a table of their own (`co_<id>`),
 * created by platform/objects when the object is; its fields are custom field definitions
 * (custom_field_defs.object = the object's name) stored in the record's `custom` jsonb, each
 * with an expression index on that table.
 *
 * The `kehu_*` functions read a custom value with its type for filters, sorts and those indexes.
 * A plain cast (`(custom->>'n')::numeric`) is leaky in PostgreSQL's sense (its error message
 * shows the value), so under row-level security no index could serve it; these check the text
 * first and return null for a value they cannot read, never raise (no exception blocks either:
 * those open subtransactions, which parallel plans refuse), and are marked LEAKPROOF (superuser
 * only, as in 20261123T1850-search-indexes). IMMUTABLE holds because values are stored in ISO
 * form with an explicit offset. plpgsql keeps them from being inlined back into a leaky cast.
 * numeric comparisons raise no data-dependent errors either and get the same mark.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table custom_objects (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    table_name text not null,
    label jsonb not null,
    description jsonb not null default '{}',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id)
  );
  create unique index custom_objects_name on custom_objects (tenant_id, name) where deleted_at is null;
  alter table custom_objects enable row level security;
  create policy tenant_isolation on custom_objects
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on custom_objects to kehu_app;

  alter table custom_field_defs add column target text;

  create function kehu_numeric(t text) returns numeric language plpgsql immutable parallel safe cost 10 as $$
    begin
      if t ~ '^\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,3})?\\s*$' then return t::numeric; end if;
      return null;
    end $$;
  create function kehu_boolean(t text) returns boolean language plpgsql immutable parallel safe cost 10 as $$
    begin
      return case t when 'true' then true when 'false' then false end;
    end $$;
  create function kehu_uuid(t text) returns uuid language plpgsql immutable parallel safe cost 10 as $$
    begin
      if t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then return t::uuid; end if;
      return null;
    end $$;
  create function kehu_date(t text) returns date language plpgsql immutable parallel safe cost 10 as $$
    declare y int; m int; d int;
    begin
      if t is null or t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then return null; end if;
      y := substr(t, 1, 4)::int; m := substr(t, 6, 2)::int; d := substr(t, 9, 2)::int;
      if y < 1 or m < 1 or m > 12 or d < 1 or d > extract(day from make_date(y, m, 1) + interval '1 month - 1 day') then return null; end if;
      return make_date(y, m, d);
    end $$;
  create function kehu_timestamptz(t text) returns timestamptz language plpgsql immutable parallel safe cost 10 as $$
    begin
      if t is null or t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|[-+][0-9]{2}:[0-9]{2})$'
        or kehu_date(substr(t, 1, 10)) is null then return null; end if;
      return t::timestamptz;
    end $$;`)
    .execute(db);
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  if (rows[0]?.superuser) {
    await sql
      .raw(`
    alter function kehu_numeric(text) leakproof;
    alter function kehu_boolean(text) leakproof;
    alter function kehu_uuid(text) leakproof;
    alter function kehu_date(text) leakproof;
    alter function kehu_timestamptz(text) leakproof;
    alter function pg_catalog.numeric_eq(numeric, numeric) leakproof;
    alter function pg_catalog.numeric_ne(numeric, numeric) leakproof;
    alter function pg_catalog.numeric_lt(numeric, numeric) leakproof;
    alter function pg_catalog.numeric_le(numeric, numeric) leakproof;
    alter function pg_catalog.numeric_gt(numeric, numeric) leakproof;
    alter function pg_catalog.numeric_ge(numeric, numeric) leakproof;`)
      .execute(db);
  }
}
