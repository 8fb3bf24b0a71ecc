import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Workflow "wait, then continue" (#18): a run that reached a wait action leaves one row here with
 * the rule's actions as they were and where to go on; the minute job resumes it at `resume_at`
 * (in the same transaction as the actions' writes, marking it done), so a restart loses nothing
 * and nothing runs twice. `payload` is what an inbound webhook call carried, for merge fields.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table workflow_waits (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    run_id uuid not null,
    rule_id uuid not null,
    object text not null,
    record_id uuid not null,
    trigger_key text not null,
    depth integer not null default 0,
    actions jsonb not null,
    next_index integer not null,
    payload jsonb,
    resume_at timestamptz not null,
    created_at timestamptz not null default now(),
    done_at timestamptz,
    primary key (tenant_id, id)
  );
  create index workflow_waits_due on workflow_waits (resume_at) where done_at is null;
  create index workflow_waits_run on workflow_waits (tenant_id, run_id);
  alter table workflow_waits enable row level security;
  create policy tenant_isolation on workflow_waits
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on workflow_waits to kehu_app;`)
    .execute(db);
}
