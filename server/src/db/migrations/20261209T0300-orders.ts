import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid);
  grant select, insert, update, delete on ${table} to kehu_app;`;

/**
 * Lead to cash, orders (#19): sales orders (from an accepted quote or entered directly, lines as a
 * jsonb snapshot as on quotes), the products' optional stock (on hand, reserved by confirmed
 * orders, a low-stock threshold), and files attached to outbound e-mail (a quote's PDF).
 * Existing tenants' default roles get orders as new tenants do (default-roles.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create table orders (
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
    phone_digits text not null default '',
    number text not null,
    name text not null,
    quote_id uuid,
    deal_id uuid,
    company_id uuid,
    contact_id uuid,
    status text not null default 'confirmed'
      check (status in ('confirmed', 'shipped', 'delivered', 'completed', 'cancelled')),
    currency text not null,
    base_currency text not null,
    exchange_rate numeric(24, 10),
    ordered_on date not null default current_date,
    header_discount numeric(5, 2) not null default 0 check (header_discount between 0 and 100),
    lines jsonb not null default '[]',
    gross_total numeric(20, 2) not null default 0,
    subtotal numeric(20, 2) not null default 0,
    discount_amount numeric(20, 2) not null default 0,
    tax_total numeric(20, 2) not null default 0,
    total numeric(20, 2) not null default 0,
    total_base numeric(20, 2),
    shipping_address text,
    notes text,
    shipped_at timestamptz,
    delivered_at timestamptz,
    completed_at timestamptz,
    cancelled_at timestamptz,
    cancel_reason text,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id),
    foreign key (tenant_id, quote_id) references quotes(tenant_id, id),
    foreign key (tenant_id, deal_id) references deals(tenant_id, id),
    foreign key (tenant_id, company_id) references companies(tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts(tenant_id, id)
  );
  create unique index orders_number on orders (tenant_id, number);
  create unique index orders_quote on orders (tenant_id, quote_id) where quote_id is not null and deleted_at is null and status <> 'cancelled';
  create index orders_list on orders (tenant_id, created_at desc, id desc) where deleted_at is null;
  create index orders_owner on orders (tenant_id, owner_id);
  create index orders_search on orders using gin (search_text gin_trgm_ops);
  create index orders_search_bigrams on orders using gin (search_bigrams(search_text));
  create index orders_deal on orders (tenant_id, deal_id) where deal_id is not null;
  create index orders_company on orders (tenant_id, company_id) where company_id is not null;
  ${tenantPolicy('orders')}

  alter table products add column if not exists stock_on_hand numeric(18, 4);
  alter table products add column if not exists stock_reserved numeric(18, 4) not null default 0 check (stock_reserved >= 0);
  alter table products add column if not exists low_stock_threshold numeric(18, 4);

  create table mail_attachments (
    tenant_id uuid not null references tenants(id),
    message_id uuid not null,
    position integer not null,
    filename text not null,
    content_type text not null,
    content bytea not null,
    primary key (tenant_id, message_id, position),
    foreign key (tenant_id, message_id) references mail_messages(tenant_id, id)
  );
  ${tenantPolicy('mail_attachments')}

  update roles set permissions = permissions
    || case name
         when 'Sales Manager' then jsonb_build_object('order', '{"read": "team", "create": "team", "update": "team", "delete": "team", "export": "team", "import": "team"}'::jsonb)
         when 'Sales Rep' then jsonb_build_object('order', '{"read": "own", "create": "own", "update": "own", "delete": "none", "export": "none", "import": "none"}'::jsonb)
         else '{}'::jsonb end
  where not is_admin and name in ('Sales Manager', 'Sales Rep') and not permissions ? 'order';
  `)
    .execute(db);
}
