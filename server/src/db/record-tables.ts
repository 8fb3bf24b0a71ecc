import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/** Tables created at runtime for custom objects (platform/objects): `co_` and 16 hex digits. */
export const RUNTIME_RECORD_TABLE = /^co_[0-9a-f]{16}$/;

/**
 * The records table of a new custom object, as the owner role (DDL): the record columns every
 * business table has (tenant_id first in every key, row-level security by tenant), `name` as the
 * title, admin-defined fields in `custom`, and the list and search indexes the standard objects have.
 */
export async function createRecordTable(tx: Kysely<DB>, table: string): Promise<void> {
  const t = sql.table(table);
  const ix = (suffix: string) => sql.id(`${table}_${suffix}`);
  await sql`create table ${t} (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    owner_id uuid,
    name text not null,
    custom jsonb not null default '{}',
    search_text text not null default '',
    phone_digits text not null default '',
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version integer not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, owner_id) references users(tenant_id, id)
  )`.execute(tx);
  await sql`create index ${ix('list')} on ${t} (tenant_id, created_at desc, id desc) where deleted_at is null`.execute(tx);
  await sql`create index ${ix('name')} on ${t} (tenant_id, name, id) where deleted_at is null`.execute(tx);
  await sql`create index ${ix('owner')} on ${t} (tenant_id, owner_id)`.execute(tx);
  await sql`create index ${ix('search')} on ${t} using gin (search_text gin_trgm_ops)`.execute(tx);
  await sql`create index ${ix('bigrams')} on ${t} using gin (search_bigrams(search_text))`.execute(tx);
  await sql`alter table ${t} enable row level security`.execute(tx);
  await sql`create policy tenant_isolation on ${t}
    using (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant', true), '')::uuid)`.execute(tx);
  await sql`grant select, insert, update, delete on ${t} to kehu_app`.execute(tx);
}
