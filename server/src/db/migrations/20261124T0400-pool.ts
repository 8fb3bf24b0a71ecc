import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Public pools (公海): pools with their rules and teams, the pool state of each company
 * (in which pool, lock, last won deal, since when owned, reminder sent) and the claim log
 * that per-day limits count. The state lives beside `companies` so the recycling pass is one
 * set-based query over indexed columns.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table pools (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    description text,
    position integer not null default 0,
    recycle_enabled boolean not null default true,
    followup_days integer check (followup_days > 0),
    deal_days integer check (deal_days > 0),
    remind_days integer check (remind_days >= 0),
    max_held integer check (max_held >= 0),
    max_claims_per_day integer check (max_claims_per_day >= 0),
    reclaim_cooldown_days integer not null default 0 check (reclaim_cooldown_days >= 0),
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id)
  );
  create unique index pools_name on pools (tenant_id, lower(name)) where deleted_at is null;
  ${tenantPolicy('pools')}

  create table pool_teams (
    tenant_id uuid not null references tenants(id),
    pool_id uuid not null,
    team_id uuid not null,
    primary key (tenant_id, pool_id, team_id),
    foreign key (tenant_id, pool_id) references pools(tenant_id, id) on delete cascade,
    foreign key (tenant_id, team_id) references teams(tenant_id, id) on delete cascade
  );
  create index pool_teams_team on pool_teams (tenant_id, team_id);
  ${tenantPolicy('pool_teams')}

  create table pool_customers (
    tenant_id uuid not null references tenants(id),
    company_id uuid not null,
    pool_id uuid,
    locked boolean not null default false,
    owned_since timestamptz,
    last_won_at timestamptz,
    pooled_at timestamptz,
    pooled_reason text check (pooled_reason in ('no_followup', 'no_won_deal', 'returned', 'released')),
    return_reason text,
    previous_owner_id uuid,
    released_at timestamptz,
    reminded_due_at timestamptz,
    primary key (tenant_id, company_id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id) on delete cascade,
    foreign key (tenant_id, pool_id) references pools(tenant_id, id)
  );
  create index pool_customers_list on pool_customers (tenant_id, pool_id, pooled_at desc, company_id desc) where pool_id is not null;
  ${tenantPolicy('pool_customers')}

  create table pool_claims (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    company_id uuid not null,
    pool_id uuid not null,
    at timestamptz not null default now(),
    primary key (tenant_id, id)
  );
  create index pool_claims_user on pool_claims (tenant_id, user_id, at desc);
  ${tenantPolicy('pool_claims')}

  -- Finds overdue customers of an owner without reading the table (the rep's list, recycling).
  create index companies_owner_activity on companies (tenant_id, owner_id, last_activity_at) where deleted_at is null;
  `)
    .execute(db);
}
