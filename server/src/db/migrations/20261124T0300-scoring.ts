import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Lead scoring (rule groups, engagement events, the stored score with its explanation, the
 * per-tenant naive Bayes model) and lead assignment (ordered rules, round-robin pointer,
 * assignment log, users away, the fallback queue). The score lives in its own table keyed by
 * lead, so recomputing it never moves the lead's version (no 412 for someone editing it).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table scoring_settings (
    tenant_id uuid not null references tenants(id),
    half_life_days numeric not null default 30,
    warm_at integer not null default 30,
    hot_at integer not null default 60,
    predictive_fields text[] not null default '{industry,region,source,company_size,campaign,utm_source}',
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id)
  );
  ${tenantPolicy('scoring_settings')}

  create table scoring_groups (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    cap integer,
    position integer not null default 0,
    active boolean not null default true,
    rules jsonb not null default '[]',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id)
  );
  ${tenantPolicy('scoring_groups')}

  -- Behaviour: form submitted, email opened, meeting held... source_key makes a replay a no-op.
  create table lead_engagements (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    lead_id uuid not null,
    type text not null,
    occurred_at timestamptz not null,
    source text not null default 'api',
    source_key text,
    created_at timestamptz not null default now(),
    created_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, lead_id) references leads(tenant_id, id)
  );
  create index lead_engagements_lead on lead_engagements (tenant_id, lead_id, occurred_at desc);
  create unique index lead_engagements_source on lead_engagements (tenant_id, source_key) where source_key is not null;
  ${tenantPolicy('lead_engagements')}

  create table lead_scores (
    tenant_id uuid not null references tenants(id),
    lead_id uuid not null,
    score integer not null,
    band text not null check (band in ('cold', 'warm', 'hot')),
    explanation jsonb not null default '{}',
    computed_at timestamptz not null default now(),
    primary key (tenant_id, lead_id),
    foreign key (tenant_id, lead_id) references leads(tenant_id, id)
  );
  create index lead_scores_rank on lead_scores (tenant_id, score desc);
  ${tenantPolicy('lead_scores')}

  create table scoring_models (
    tenant_id uuid not null references tenants(id),
    status text not null check (status in ('ready', 'insufficient')),
    won integer not null default 0,
    lost integer not null default 0,
    model jsonb,
    trained_at timestamptz not null default now(),
    primary key (tenant_id)
  );
  ${tenantPolicy('scoring_models')}

  create table assignment_settings (
    tenant_id uuid not null references tenants(id),
    assign_on_capture boolean not null default true,
    assign_on_hot boolean not null default false,
    working_days integer[] not null default '{1,2,3,4,5}',
    holidays date[] not null default '{}',
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id)
  );
  ${tenantPolicy('assignment_settings')}

  create table assignment_rules (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    position integer not null default 0,
    active boolean not null default true,
    match text not null default 'all' check (match in ('all', 'any')),
    conditions jsonb not null default '[]',
    method text not null check (method in ('round_robin', 'load_balanced', 'fixed_user')),
    user_ids uuid[] not null default '{}',
    team_id uuid,
    capacity integer,
    working_days_only boolean not null default false,
    last_user_id uuid,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, team_id) references teams(tenant_id, id)
  );
  ${tenantPolicy('assignment_rules')}

  create table lead_assignments (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    lead_id uuid not null,
    user_id uuid not null,
    previous_owner_id uuid,
    rule_id uuid,
    method text not null,
    trigger text not null,
    assigned_at timestamptz not null default now(),
    assigned_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, lead_id) references leads(tenant_id, id),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  create index lead_assignments_user on lead_assignments (tenant_id, user_id, assigned_at desc);
  create index lead_assignments_lead on lead_assignments (tenant_id, lead_id, assigned_at desc);
  ${tenantPolicy('lead_assignments')}

  -- Users who take no new leads (leave, holiday) until a date, or until cleared.
  create table assignment_away (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    until date,
    note text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  ${tenantPolicy('assignment_away')}

  -- Leads no rule could place (no match, nobody available, not a working day): the fallback queue.
  create table lead_assignment_queue (
    tenant_id uuid not null references tenants(id),
    lead_id uuid not null,
    reason text not null,
    rule_id uuid,
    queued_at timestamptz not null default now(),
    attempts integer not null default 0,
    primary key (tenant_id, lead_id),
    foreign key (tenant_id, lead_id) references leads(tenant_id, id)
  );
  create index lead_assignment_queue_age on lead_assignment_queue (tenant_id, queued_at);
  ${tenantPolicy('lead_assignment_queue')}
  `)
    .execute(db);
}
