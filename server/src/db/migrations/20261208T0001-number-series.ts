import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Number series (quotes, orders, contracts, tickets): per tenant and series, the admin's pattern
 * and the next counter value within the period (the date the pattern shows). A number is taken
 * by updating the row inside the creating transaction, so a rolled-back creation gives its
 * number back and the series stays gap-free (platform/numbering/numbering.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table number_series (
    tenant_id uuid not null references tenants(id),
    series text not null,
    pattern text not null,
    period text not null default '',
    next_value bigint not null default 1 check (next_value > 0),
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, series)
  );
  alter table number_series enable row level security;
  create policy tenant_isolation on number_series
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update on number_series to kehu_app;`)
    .execute(db);
}
