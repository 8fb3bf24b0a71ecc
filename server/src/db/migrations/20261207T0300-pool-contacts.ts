import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Pools hold any pool-capable object of the registry, not only companies (#17): contacts
 * without a company (B2C customers) get the same rules, recycling and claim limits.
 *
 * - `pools.object`: the one object a pool holds (a pool per object, as 线索池 / 客户公海).
 * - `pool_customers` is keyed by (tenant_id, object, record_id). The foreign keys that delete a
 *   record's pool state with it need a column per target table: `company_id` and `contact_id`
 *   are generated from (object, record_id), so there is one source of truth, each row has
 *   exactly one of them, and the cascade is indexed (partial indexes, one per object).
 * - `pool_claims` (the log the per-day limit counts) names the object and record too.
 * Existing rows are companies. Pooling another object later = this pattern again: one more
 * generated column with its foreign key, and the object added to the checks.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table pools add column object text not null default 'company';
  alter table pools add constraint pools_object check (object in ('company', 'contact'));

  alter table pool_customers drop constraint pool_customers_pkey;
  alter table pool_customers drop constraint pool_customers_tenant_id_company_id_fkey;
  alter table pool_customers rename column company_id to record_id;
  alter table pool_customers add column object text not null default 'company';
  alter table pool_customers alter column object drop default;
  alter table pool_customers add constraint pool_customers_object check (object in ('company', 'contact'));
  alter table pool_customers add column company_id uuid generated always as (case when object = 'company' then record_id end) stored;
  alter table pool_customers add column contact_id uuid generated always as (case when object = 'contact' then record_id end) stored;
  alter table pool_customers add primary key (tenant_id, object, record_id);
  alter table pool_customers add foreign key (tenant_id, company_id) references companies(tenant_id, id) on delete cascade;
  alter table pool_customers add foreign key (tenant_id, contact_id) references contacts(tenant_id, id) on delete cascade;
  create index pool_customers_company on pool_customers (tenant_id, company_id) where company_id is not null;
  create index pool_customers_contact on pool_customers (tenant_id, contact_id) where contact_id is not null;
  -- pool_customers_list (tenant_id, pool_id, pooled_at desc, record_id desc) followed the rename;
  -- a pool holds one object, so the pool id alone pages it.

  alter table pool_claims rename column company_id to record_id;
  alter table pool_claims add column object text not null default 'company';
  alter table pool_claims alter column object drop default;
  `)
    .execute(db);
}
