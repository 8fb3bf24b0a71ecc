import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Pipelines with ordered stages, deals (a record object) with their stage history, and dated
 * exchange rates into the tenant's base currency. Activities may link a deal.
 * Names are `{zh, en}` jsonb. `rank` is a fractional index (byte order, hence collate "C").
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table pipelines (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name jsonb not null,
    position integer not null default 0,
    is_default boolean not null default false,
    team_ids uuid[] not null default '{}',
    stale_days integer not null default 14 check (stale_days between 1 and 365),
    closed_at timestamptz,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id)
  );
  create unique index pipelines_one_default on pipelines (tenant_id) where is_default;
  ${tenantPolicy('pipelines')}

  create table pipeline_stages (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    pipeline_id uuid not null,
    name jsonb not null,
    probability integer not null check (probability between 0 and 100),
    type text not null check (type in ('open', 'won', 'lost')),
    forecast_category text not null check (forecast_category in ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, pipeline_id) references pipelines(tenant_id, id)
  );
  create index pipeline_stages_pipeline on pipeline_stages (tenant_id, pipeline_id, position);
  ${tenantPolicy('pipeline_stages')}

  create table deals (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    owner_id uuid,
    custom jsonb not null default '{}',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    name text not null,
    company_id uuid,
    contact_id uuid,
    pipeline_id uuid not null,
    stage_id uuid not null,
    status text not null default 'open' check (status in ('open', 'won', 'lost')),
    amount numeric(20, 2) not null default 0 check (amount >= 0),
    currency text not null,
    amount_base numeric(20, 2),
    base_currency text not null,
    exchange_rate numeric(24, 10),
    probability integer not null check (probability between 0 and 100),
    expected_close_date date,
    forecast_category text not null check (forecast_category in ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
    forecast_category_manual boolean not null default false,
    lost_reason text,
    lost_note text,
    lead_id uuid,
    stage_entered_at timestamptz not null default now(),
    won_at timestamptz,
    lost_at timestamptz,
    closed_at timestamptz,
    rank text collate "C" not null,
    overdue_at timestamptz,
    stale_reminded_at timestamptz,
    tags text[] not null default '{}',
    description text,
    search_text text not null default '',
    last_activity_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id),
    foreign key (tenant_id, pipeline_id) references pipelines(tenant_id, id),
    foreign key (tenant_id, stage_id) references pipeline_stages(tenant_id, id)
  );
  create index deals_list on deals (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index deals_board on deals (tenant_id, pipeline_id, stage_id, rank) where deleted_at is null;
  create index deals_owner on deals (tenant_id, owner_id);
  create index deals_company on deals (tenant_id, company_id) where company_id is not null;
  create index deals_contact on deals (tenant_id, contact_id) where contact_id is not null;
  create index deals_lead on deals (tenant_id, lead_id) where lead_id is not null;
  create index deals_closed on deals (tenant_id, closed_at) where closed_at is not null;
  create index deals_open_close_date on deals (expected_close_date) where status = 'open' and deleted_at is null;
  create index deals_search on deals using gin (search_text gin_trgm_ops);
  create index deals_tags on deals using gin (tenant_id, tags);
  ${tenantPolicy('deals')}

  -- One row per stage move (and the first stage on create: from_stage_id null).
  create table deal_stage_history (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    deal_id uuid not null,
    pipeline_id uuid not null,
    from_stage_id uuid,
    to_stage_id uuid not null,
    changed_at timestamptz not null default now(),
    changed_by uuid,
    seconds_in_from bigint,
    amount numeric(20, 2),
    currency text,
    amount_base numeric(20, 2),
    primary key (tenant_id, id),
    foreign key (tenant_id, deal_id) references deals(tenant_id, id),
    foreign key (tenant_id, from_stage_id) references pipeline_stages(tenant_id, id),
    foreign key (tenant_id, to_stage_id) references pipeline_stages(tenant_id, id)
  );
  create index deal_stage_history_deal on deal_stage_history (tenant_id, deal_id, changed_at);
  create index deal_stage_history_stage on deal_stage_history (tenant_id, to_stage_id, changed_at);
  ${tenantPolicy('deal_stage_history')}

  -- 1 unit of currency = rate units of base_currency, from effective_date on.
  create table exchange_rates (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    currency text not null,
    base_currency text not null,
    rate numeric(24, 10) not null check (rate > 0),
    effective_date date not null,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, currency, base_currency, effective_date)
  );
  ${tenantPolicy('exchange_rates')}

  alter table activities add column deal_id uuid;
  alter table activities add foreign key (tenant_id, deal_id) references deals(tenant_id, id);
  create index activities_deal on activities (tenant_id, deal_id, occurred_at desc, id desc) where deal_id is not null;
  `)
    .execute(db);
}
