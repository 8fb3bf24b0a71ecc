import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * In-app notifications (#18), per user, with bilingual title and body and an optional link to a
 * record; `dedupe_key` lets an at-least-once caller (an event subscriber) notify exactly once.
 * Preferences: per user and kind, in_app | email | none (no row: in_app).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table notifications (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    kind text not null,
    title jsonb not null,
    body jsonb,
    link_object text,
    link_id uuid,
    dedupe_key text,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    primary key (tenant_id, id)
  );
  create index notifications_user on notifications (tenant_id, user_id, created_at desc, id desc);
  create index notifications_unread on notifications (tenant_id, user_id) where read_at is null;
  create unique index notifications_dedupe on notifications (tenant_id, user_id, dedupe_key) where dedupe_key is not null;
  ${tenantPolicy('notifications')}

  create table notification_preferences (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    kind text not null,
    channel text not null check (channel in ('in_app', 'email', 'none')),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, user_id, kind)
  );
  ${tenantPolicy('notification_preferences')}
`)
    .execute(db);
}
