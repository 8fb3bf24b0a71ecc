import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Outgoing webhooks (#18). A subscription: URL, event types, optional filter (the API's filter
 * grammar), owner (whose access masks the payload), the signing secret sealed with the tenant key,
 * and during a rotation the previous secret until it expires. A delivery: one event to one
 * subscription (unique per event, so a redelivered outbox event makes no second one), its body
 * kept for retries and replay. An attempt: one POST, its request headers and the response excerpt.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table webhook_subscriptions (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    url text not null,
    events text[] not null default '{}',
    filter jsonb,
    owner_id uuid not null,
    is_active boolean not null default true,
    disabled_reason text,
    disabled_at timestamptz,
    secret_sealed text not null,
    previous_secret_sealed text,
    previous_secret_expires_at timestamptz,
    consecutive_failures integer not null default 0,
    failing_since timestamptz,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  );
  create index webhook_subscriptions_active on webhook_subscriptions (tenant_id) where is_active;
  ${tenantPolicy('webhook_subscriptions')}

  create table webhook_deliveries (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    subscription_id uuid not null,
    event_id text not null,
    event_type text not null,
    object_type text,
    object_id uuid,
    event_created_at timestamptz not null,
    body text not null,
    status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz,
    last_status integer,
    last_error text,
    created_at timestamptz not null default now(),
    delivered_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, subscription_id, event_id),
    foreign key (tenant_id, subscription_id) references webhook_subscriptions(tenant_id, id) on delete cascade
  );
  create index webhook_deliveries_recent on webhook_deliveries (tenant_id, subscription_id, created_at desc, id desc);
  create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
  ${tenantPolicy('webhook_deliveries')}

  create table webhook_attempts (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    delivery_id uuid not null,
    attempt integer not null,
    manual boolean not null default false,
    request_headers jsonb not null,
    started_at timestamptz not null,
    duration_ms integer not null,
    response_status integer,
    response_body text,
    response_truncated boolean not null default false,
    error text,
    primary key (tenant_id, id),
    foreign key (tenant_id, delivery_id) references webhook_deliveries(tenant_id, id) on delete cascade
  );
  create index webhook_attempts_delivery on webhook_attempts (tenant_id, delivery_id, started_at);
  ${tenantPolicy('webhook_attempts')}
`)
    .execute(db);
}
