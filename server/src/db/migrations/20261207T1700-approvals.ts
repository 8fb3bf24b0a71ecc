import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Approvals (#18). A team gets a manager (the "owner's manager" approver walks the team tree).
 * A process is per registry object: entry criteria (filter grammar), ordered steps (approvers,
 * any/all, skip criteria, a timeout) and outcome actions. A request copies the process's steps
 * when submitted (editing a process never changes one in flight); one pending request per record.
 * Tasks are one approver's part of a step; `due_at` drives the timeout sweep.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table teams add column manager_id uuid;
  alter table teams add constraint teams_manager_fk foreign key (tenant_id, manager_id) references users(tenant_id, id);

  create table approval_processes (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    name text not null,
    description text,
    criteria jsonb,
    steps jsonb not null default '[]',
    on_approved jsonb not null default '{}',
    on_rejected jsonb not null default '{}',
    enabled boolean not null default true,
    position integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id)
  );
  create index approval_processes_object on approval_processes (tenant_id, object, position);
  ${tenantPolicy('approval_processes')}

  create table approval_requests (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    process_id uuid not null,
    process_name text not null,
    object text not null,
    record_id uuid not null,
    record_name text,
    record_owner_id uuid,
    status text not null,
    step_index integer not null default 0,
    steps jsonb not null,
    on_approved jsonb not null default '{}',
    on_rejected jsonb not null default '{}',
    submitted_by uuid,
    submit_comment text,
    submitted_at timestamptz not null default now(),
    decided_at timestamptz,
    decided_by uuid,
    decision_comment text,
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, process_id) references approval_processes(tenant_id, id)
  );
  create unique index approval_requests_one_pending on approval_requests (tenant_id, object, record_id) where status = 'pending';
  create index approval_requests_record on approval_requests (tenant_id, object, record_id, id desc);
  create index approval_requests_submitter on approval_requests (tenant_id, submitted_by, id desc);
  ${tenantPolicy('approval_requests')}

  create table approval_tasks (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    request_id uuid not null,
    step_index integer not null,
    approver_id uuid not null,
    status text not null,
    comment text,
    delegated_from uuid,
    created_at timestamptz not null default now(),
    due_at timestamptz,
    decided_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references approval_requests(tenant_id, id),
    foreign key (tenant_id, approver_id) references users(tenant_id, id)
  );
  create index approval_tasks_request on approval_tasks (tenant_id, request_id, step_index);
  create index approval_tasks_inbox on approval_tasks (tenant_id, approver_id, id desc) where status = 'pending';
  create index approval_tasks_due on approval_tasks (due_at) where status = 'pending' and due_at is not null;
  ${tenantPolicy('approval_tasks')}`)
    .execute(db);
}
