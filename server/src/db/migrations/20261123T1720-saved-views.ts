import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table saved_views (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    object text not null,
    name text not null,
    filter jsonb,
    sort text,
    columns jsonb not null default '[]',
    shared boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  create index saved_views_user on saved_views (tenant_id, object, user_id);
  alter table saved_views enable row level security;
  create policy tenant_isolation on saved_views
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on saved_views to kehu_app;
  `)
    .execute(db);
}
