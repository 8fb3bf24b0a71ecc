import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Leads (a record object), their capture history, web forms, and the per-tenant lead settings
 * (duplicate rules, conversion mapping, mail). Activities may link a lead.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table leads (
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
    company_name text,
    title text,
    phones jsonb not null default '[]',
    emails jsonb not null default '[]',
    industry text,
    region text,
    province text,
    city text,
    company_size text,
    source text,
    utm_source text,
    utm_medium text,
    utm_campaign text,
    utm_term text,
    utm_content text,
    campaign text,
    referrer text,
    form_id uuid,
    status text not null default 'new'
      check (status in ('new', 'contacted', 'nurturing', 'qualified', 'unqualified', 'converted')),
    unqualified_reason text,
    status_changed_at timestamptz not null default now(),
    confirmation text not null default 'none' check (confirmation in ('none', 'pending', 'confirmed')),
    confirmed_at timestamptz,
    tags text[] not null default '{}',
    description text,
    converted_at timestamptz,
    converted_by uuid,
    converted_contact_id uuid,
    converted_company_id uuid,
    converted_deal_id uuid,
    search_text text not null default '',
    phone_digits text not null default '',
    last_activity_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, converted_contact_id) references contacts(tenant_id, id),
    foreign key (tenant_id, converted_company_id) references companies(tenant_id, id)
  );
  create index leads_list on leads (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index leads_owner on leads (tenant_id, owner_id);
  create index leads_status on leads (tenant_id, status) where deleted_at is null;
  create index leads_search on leads using gin (search_text gin_trgm_ops);
  create index leads_phone on leads using gin (phone_digits gin_trgm_ops);
  create index leads_tags on leads using gin (tenant_id, tags);
  create index leads_name_trgm on leads using gin (name gin_trgm_ops);
  create index leads_company_trgm on leads using gin (lower(company_name) gin_trgm_ops);
  create index leads_emails on leads using gin (emails jsonb_path_ops);
  ${tenantPolicy('leads')}

  -- Each time a lead arrived (created or merged into), from which channel, with what.
  create table lead_captures (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    lead_id uuid not null,
    channel text not null check (channel in ('manual', 'api', 'form', 'import')),
    outcome text not null check (outcome in ('created', 'merged', 'duplicate_allowed')),
    form_id uuid,
    matched_rule text,
    data jsonb not null default '{}',
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    created_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, lead_id) references leads(tenant_id, id)
  );
  create index lead_captures_lead on lead_captures (tenant_id, lead_id, created_at desc);
  ${tenantPolicy('lead_captures')}

  create table lead_forms (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    fields jsonb not null default '[]',
    allowed_origins text[] not null default '{}',
    success_message jsonb not null default '{}',
    redirect_url text,
    double_opt_in boolean not null default false,
    owner_id uuid,
    source text,
    campaign text,
    active boolean not null default true,
    submissions integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  );
  -- The public endpoint knows only the form id (looked up as the owner role, before the tenant is known).
  create index lead_forms_by_id on lead_forms (id);
  ${tenantPolicy('lead_forms')}

  -- One row per tenant: duplicate rules, conversion field mapping, mail (SMTP url sealed).
  create table lead_settings (
    tenant_id uuid not null references tenants(id),
    dedup_rules jsonb not null default '[]',
    conversion_mapping jsonb not null default '[]',
    mail jsonb not null default '{}',
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    primary key (tenant_id)
  );
  ${tenantPolicy('lead_settings')}

  alter table leads add foreign key (tenant_id, form_id) references lead_forms(tenant_id, id);
  alter table activities add column lead_id uuid;
  alter table activities add foreign key (tenant_id, lead_id) references leads(tenant_id, id);
  create index activities_lead on activities (tenant_id, lead_id, occurred_at desc, id desc) where lead_id is not null;
  `)
    .execute(db);
}
