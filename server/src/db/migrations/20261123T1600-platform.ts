import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/** The columns every business record carries (DESIGN.md, data rules). */
const recordColumns = `
  tenant_id uuid not null references tenants(id),
  id uuid not null,
  owner_id uuid,
  custom jsonb not null default '{}',
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1,
  deleted_at timestamptz,`;

export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create extension if not exists pg_trgm;
  create extension if not exists citext;
  create extension if not exists btree_gin;
  do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'kehu_app') then
      create role kehu_app nologin;
    end if;
  end $$;
  grant usage on schema public to kehu_app;

  create table tenants (
    id uuid primary key,
    slug text not null unique,
    name text not null,
    base_currency text not null default 'CNY',
    locale text not null default 'zh-CN',
    timezone text not null default 'Asia/Shanghai',
    data_key text not null,
    created_at timestamptz not null default now()
  );
  alter table tenants enable row level security;
  create policy tenant_self on tenants using (id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select on tenants to kehu_app;

  create table teams (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    parent_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, parent_id) references teams(tenant_id, id)
  );
  ${tenantPolicy('teams')}

  create table users (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    email citext not null,
    name text not null,
    password_hash text,
    team_id uuid,
    locale text,
    timezone text,
    is_active boolean not null default true,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, email),
    foreign key (tenant_id, team_id) references teams(tenant_id, id)
  );
  create index users_email on users (email);
  ${tenantPolicy('users')}

  create table roles (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    name text not null,
    description text,
    is_admin boolean not null default false,
    permissions jsonb not null default '{}',
    field_permissions jsonb not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, name)
  );
  ${tenantPolicy('roles')}

  create table user_roles (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    role_id uuid not null,
    primary key (tenant_id, user_id, role_id),
    foreign key (tenant_id, user_id) references users(tenant_id, id),
    foreign key (tenant_id, role_id) references roles(tenant_id, id)
  );
  ${tenantPolicy('user_roles')}

  create table sessions (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    token_hash text not null,
    expires_at timestamptz not null,
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  create index sessions_token on sessions (token_hash);
  ${tenantPolicy('sessions')}

  create table api_tokens (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    name text not null,
    token_hash text not null,
    prefix text not null,
    scopes text[] not null default '{}',
    rate_limit integer,
    expires_at timestamptz,
    last_used_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references users(tenant_id, id)
  );
  create index api_tokens_token on api_tokens (token_hash);
  ${tenantPolicy('api_tokens')}

  create table audit_log (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    at timestamptz not null default now(),
    actor_id uuid,
    action text not null,
    object_type text not null,
    object_id uuid,
    changes jsonb not null default '{}',
    request_id text,
    ip text,
    primary key (tenant_id, id)
  );
  create index audit_log_object on audit_log (tenant_id, object_type, object_id, id desc);
  create index audit_log_actor on audit_log (tenant_id, actor_id, id desc);
  ${tenantPolicy('audit_log')}

  create table outbox (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    type text not null,
    object_type text not null,
    object_id uuid,
    actor_id uuid,
    payload jsonb not null default '{}',
    created_at timestamptz not null default now(),
    published_at timestamptz,
    primary key (tenant_id, id)
  );
  create index outbox_pending on outbox (id) where published_at is null;
  ${tenantPolicy('outbox')}

  create table idempotency_keys (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    key text not null,
    request_hash text not null,
    status_code integer,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id, key)
  );
  ${tenantPolicy('idempotency_keys')}

  create table custom_field_defs (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    object text not null,
    key text not null,
    label jsonb not null,
    type text not null,
    required boolean not null default false,
    is_unique boolean not null default false,
    sensitive boolean not null default false,
    default_value jsonb,
    options jsonb not null default '[]',
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, object, key)
  );
  ${tenantPolicy('custom_field_defs')}

  create table companies (
    ${recordColumns}
    name text not null,
    industry text,
    website text,
    employees integer,
    annual_revenue numeric(20, 2),
    currency text,
    phones jsonb not null default '[]',
    emails jsonb not null default '[]',
    address jsonb,
    source text,
    tier text,
    lifecycle_stage text,
    tags text[] not null default '{}',
    description text,
    tax_id text,
    bank_account text,
    search_text text not null default '',
    phone_digits text not null default '',
    last_activity_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  );
  create index companies_list on companies (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index companies_owner on companies (tenant_id, owner_id);
  create index companies_search on companies using gin (search_text gin_trgm_ops);
  create index companies_phone on companies using gin (phone_digits gin_trgm_ops);
  create index companies_tags on companies using gin (tenant_id, tags);
  ${tenantPolicy('companies')}

  create table contacts (
    ${recordColumns}
    name text not null,
    family_name text,
    given_name text,
    company_id uuid,
    title text,
    department text,
    gender text,
    birthday date,
    phones jsonb not null default '[]',
    emails jsonb not null default '[]',
    address jsonb,
    source text,
    tier text,
    lifecycle_stage text,
    tags text[] not null default '{}',
    description text,
    id_number text,
    search_text text not null default '',
    phone_digits text not null default '',
    last_activity_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id)
  );
  create index contacts_list on contacts (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index contacts_owner on contacts (tenant_id, owner_id);
  create index contacts_company on contacts (tenant_id, company_id);
  create index contacts_search on contacts using gin (search_text gin_trgm_ops);
  create index contacts_phone on contacts using gin (phone_digits gin_trgm_ops);
  create index contacts_tags on contacts using gin (tenant_id, tags);
  ${tenantPolicy('contacts')}

  create table activities (
    ${recordColumns}
    type text not null,
    subject text not null,
    body text,
    company_id uuid,
    contact_id uuid,
    occurred_at timestamptz not null default now(),
    due_at timestamptz,
    remind_at timestamptz,
    done_at timestamptz,
    outcome text,
    duration_seconds integer,
    starts_at timestamptz,
    ends_at timestamptz,
    location text,
    direction text,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id)
  );
  create index activities_contact on activities (tenant_id, contact_id, occurred_at desc, id desc);
  create index activities_company on activities (tenant_id, company_id, occurred_at desc, id desc);
  create index activities_due on activities (tenant_id, owner_id, due_at) where type = 'task' and done_at is null;
  ${tenantPolicy('activities')}
  `)
    .execute(db);
}
