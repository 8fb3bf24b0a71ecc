import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Workflow rules (#18): per registry object, a trigger, conditions (the filter grammar plus
 * changed/changedFrom/changedTo) and ordered actions; `owner_id` is who the rule acts as.
 * `next_run_at` drives schedule rules, `scanned_until` date-relative ones (one job a minute
 * fires what is due). Runs log each firing; (rule_id, trigger_key) is unique so a retried
 * delivery or a second scan never fires a rule twice for the same event.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table workflow_rules (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    description text,
    object text not null,
    trigger jsonb not null,
    conditions jsonb,
    actions jsonb not null default '[]',
    enabled boolean not null default false,
    position integer not null default 0,
    owner_id uuid not null,
    next_run_at timestamptz,
    scanned_until timestamptz,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id)
  );
  create index workflow_rules_object on workflow_rules (tenant_id, object, position) where enabled;
  create index workflow_rules_due on workflow_rules (next_run_at) where enabled and next_run_at is not null;
  ${tenantPolicy('workflow_rules')}

  create table workflow_runs (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    rule_id uuid not null,
    rule_name text not null,
    object text not null,
    record_id uuid,
    trigger_key text not null,
    trigger_event text not null,
    event_id uuid,
    depth integer not null default 0,
    status text not null,
    reason text,
    actions jsonb not null default '[]',
    started_at timestamptz not null default now(),
    duration_ms integer not null default 0,
    primary key (tenant_id, id)
  );
  create unique index workflow_runs_once on workflow_runs (tenant_id, rule_id, trigger_key);
  create index workflow_runs_recent on workflow_runs (tenant_id, id desc);
  create index workflow_runs_record on workflow_runs (tenant_id, record_id, id desc);
  ${tenantPolicy('workflow_runs')}`)
    .execute(db);
}
