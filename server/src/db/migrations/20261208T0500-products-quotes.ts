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
 * Lead to cash, first objects (#19): products, price books with their entries (product -> price),
 * quotes. A quote's lines are a jsonb snapshot on the quote (docs/decisions.md, "Quotes"): a
 * version is a document, revised as a new row, never edited once out of draft.
 * Existing tenants' default roles get the new objects as new tenants do (default-roles.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table products (
    ${recordColumns}
    sku text not null,
    name text not null,
    name_en text,
    category text,
    unit text,
    list_price numeric(20, 2) not null default 0 check (list_price >= 0),
    currency text not null,
    tax_rate numeric(5, 2) not null default 0 check (tax_rate between 0 and 100),
    active boolean not null default true,
    description text,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  );
  create unique index products_sku on products (tenant_id, lower(sku)) where deleted_at is null;
  ${searchIndexes('products')}
  ${tenantPolicy('products')}

  create table price_books (
    ${recordColumns}
    name text not null,
    currency text not null,
    valid_from date,
    valid_to date,
    active boolean not null default true,
    description text,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
  );
  ${searchIndexes('price_books')}
  ${tenantPolicy('price_books')}

  create table price_book_entries (
    tenant_id uuid not null references tenants(id),
    price_book_id uuid not null,
    product_id uuid not null,
    unit_price numeric(20, 2) not null check (unit_price >= 0),
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (tenant_id, price_book_id, product_id),
    foreign key (tenant_id, price_book_id) references price_books(tenant_id, id),
    foreign key (tenant_id, product_id) references products(tenant_id, id)
  );
  create index price_book_entries_product on price_book_entries (tenant_id, product_id);
  ${tenantPolicy('price_book_entries')}

  create table quotes (
    ${recordColumns}
    number text not null,
    revision integer not null default 1 check (revision >= 1),
    family_id uuid not null,
    previous_id uuid,
    latest boolean not null default true,
    name text not null,
    deal_id uuid,
    company_id uuid,
    contact_id uuid,
    price_book_id uuid,
    status text not null default 'draft'
      check (status in ('draft', 'in_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired')),
    currency text not null,
    base_currency text not null,
    exchange_rate numeric(24, 10),
    valid_until date,
    header_discount numeric(5, 2) not null default 0 check (header_discount between 0 and 100),
    lines jsonb not null default '[]',
    gross_total numeric(20, 2) not null default 0,
    subtotal numeric(20, 2) not null default 0,
    discount_amount numeric(20, 2) not null default 0,
    discount numeric(5, 2) not null default 0,
    tax_total numeric(20, 2) not null default 0,
    total numeric(20, 2) not null default 0,
    total_base numeric(20, 2),
    terms text,
    sent_at timestamptz,
    decided_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, number, revision),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, deal_id) references deals(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id),
    foreign key (tenant_id, price_book_id) references price_books(tenant_id, id)
  );
  ${searchIndexes('quotes')}
  create index quotes_deal on quotes (tenant_id, deal_id) where deal_id is not null;
  create index quotes_company on quotes (tenant_id, company_id) where company_id is not null;
  create index quotes_contact on quotes (tenant_id, contact_id) where contact_id is not null;
  create index quotes_family on quotes (tenant_id, family_id, revision);
  ${tenantPolicy('quotes')}

  update roles set permissions = permissions
    || jsonb_build_object('product', '{"read": "all"}'::jsonb, 'price_book', '{"read": "all"}'::jsonb)
    || case name
         when 'Sales Manager' then jsonb_build_object('quote', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb)
         when 'Sales Rep' then jsonb_build_object('quote', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb)
         else '{}'::jsonb end
  where not is_admin and name in ('Sales Manager', 'Sales Rep') and not permissions ? 'quote';
  `)
    .execute(db);
}
