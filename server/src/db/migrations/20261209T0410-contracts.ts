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
  deleted_at timestamptz,
  search_text text not null default '',
  phone_digits text not null default '',`;

const searchIndexes = (table: string) => `
  create index ${table}_list on ${table} (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index ${table}_owner on ${table} (tenant_id, owner_id);
  create index ${table}_search on ${table} using gin (search_text gin_trgm_ops);
  create index ${table}_search_bigrams on ${table} using gin (search_bigrams(search_text));`;

/**
 * Contracts and 回款 (#19): contracts (number from the tenant's series, customer, signing party,
 * amount and currency, term, status flow with approval, renewal), their payment plan's instalments
 * (paid amount and status kept by the module from the payments), payments received against one
 * instalment (bank reference unique per tenant) and invoices. Instalments, payments and invoices
 * carry their contract's owner, so access scopes follow the contract's owner.
 * Existing tenants' default roles get the new objects as new tenants do (default-roles.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table contracts (
    ${recordColumns}
    number text not null,
    name text not null,
    company_id uuid,
    contact_id uuid,
    deal_id uuid,
    signing_party text,
    amount numeric(20, 2) not null check (amount >= 0),
    currency text not null,
    starts_on date,
    ends_on date,
    signed_on date,
    status text not null default 'draft' check (status in ('draft', 'in_approval', 'signed', 'active', 'expired', 'terminated')),
    terminated_reason text,
    terms text,
    renewal_deal_id uuid,
    renewal_task_at timestamptz,
    received_amount numeric(20, 2) not null default 0,
    invoiced_amount numeric(20, 2) not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id),
    foreign key (tenant_id, deal_id) references deals(tenant_id, id)
  );
  create unique index contracts_number on contracts (tenant_id, number);
  create index contracts_company on contracts (tenant_id, company_id) where company_id is not null;
  create index contracts_contact on contracts (tenant_id, contact_id) where contact_id is not null;
  create index contracts_deal on contracts (tenant_id, deal_id) where deal_id is not null;
  create index contracts_ends on contracts (tenant_id, status, ends_on) where deleted_at is null;
  ${searchIndexes('contracts')}
  ${tenantPolicy('contracts')}

  create table contract_instalments (
    ${recordColumns}
    name text not null,
    contract_id uuid not null,
    company_id uuid,
    due_on date not null,
    amount numeric(20, 2) not null check (amount > 0),
    paid_amount numeric(20, 2) not null default 0 check (paid_amount >= 0),
    currency text not null,
    status text not null default 'pending' check (status in ('pending', 'partly_paid', 'paid', 'overdue')),
    overdue_notified_on date,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, contract_id) references contracts(tenant_id, id)
  );
  create index contract_instalments_contract on contract_instalments (tenant_id, contract_id, due_on);
  create index contract_instalments_open on contract_instalments (tenant_id, due_on) where deleted_at is null and status <> 'paid';
  create index contract_instalments_company on contract_instalments (tenant_id, company_id) where company_id is not null;
  ${searchIndexes('contract_instalments')}
  ${tenantPolicy('contract_instalments')}

  create table contract_payments (
    ${recordColumns}
    name text not null,
    contract_id uuid not null,
    instalment_id uuid not null,
    company_id uuid,
    received_on date not null,
    amount numeric(20, 2) not null check (amount > 0),
    currency text not null,
    method text not null default 'bank_transfer' check (method in ('bank_transfer', 'cash', 'cheque', 'card', 'alipay', 'wechat_pay', 'other')),
    bank_reference text,
    note text,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, contract_id) references contracts(tenant_id, id),
    foreign key (tenant_id, instalment_id) references contract_instalments(tenant_id, id)
  );
  create index contract_payments_instalment on contract_payments (tenant_id, instalment_id);
  create index contract_payments_contract on contract_payments (tenant_id, contract_id, received_on);
  create index contract_payments_company on contract_payments (tenant_id, company_id) where company_id is not null;
  create unique index contract_payments_bank_reference on contract_payments (tenant_id, bank_reference) where bank_reference is not null and deleted_at is null;
  ${searchIndexes('contract_payments')}
  ${tenantPolicy('contract_payments')}

  create table invoices (
    ${recordColumns}
    number text not null,
    name text not null,
    contract_id uuid not null,
    company_id uuid,
    amount numeric(20, 2) not null check (amount > 0),
    tax_rate numeric(5, 2) not null default 0 check (tax_rate between 0 and 100),
    tax_amount numeric(20, 2) not null default 0,
    total numeric(20, 2) not null default 0,
    currency text not null,
    invoice_type text not null default 'vat_normal' check (invoice_type in ('vat_normal', 'vat_special', 'plain')),
    buyer_name text,
    buyer_tax_id text,
    status text not null default 'requested' check (status in ('requested', 'issued', 'void')),
    issued_on date,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, contract_id) references contracts(tenant_id, id)
  );
  create unique index invoices_number on invoices (tenant_id, number);
  create index invoices_contract on invoices (tenant_id, contract_id);
  create index invoices_company on invoices (tenant_id, company_id) where company_id is not null;
  ${searchIndexes('invoices')}
  ${tenantPolicy('invoices')}

  update roles set permissions = permissions
    || case name
         when 'Sales Manager' then jsonb_build_object(
           'contract', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb,
           'instalment', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb,
           'payment', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb,
           'invoice', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb)
         when 'Sales Rep' then jsonb_build_object(
           'contract', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb,
           'instalment', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb,
           'payment', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb,
           'invoice', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb)
         else '{}'::jsonb end
  where not is_admin and name in ('Sales Manager', 'Sales Rep') and not permissions ? 'contract';
  `)
    .execute(db);
}
