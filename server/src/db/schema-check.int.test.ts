import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable } from '../../test/db.ts';
import type { Database } from './database.ts';

// Citus-readiness, checked on the migrated schema: every table but `tenants` is keyed by tenant.
describe.skipIf(!databaseAvailable)('schema rules', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  const tables = async () =>
    (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' and table_name <> 'tenants'`.execute(
        db.kysely,
      )
    ).rows.map((r) => r.table_name);

  it('has tenant_id first in every primary key and unique index', async () => {
    const { rows } = await sql<{ table: string; index: string; first: string }>`
      select t.relname as table, i.relname as index, a.attname as first
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where x.indisunique and t.relname <> 'tenants' and t.relname not like 'kysely_%'`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.first !== 'tenant_id')).toEqual([]);
  });

  it('has foreign keys between business tables that include tenant_id', async () => {
    const { rows } = await sql<{ name: string; def: string }>`
      select conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      where c.contype = 'f' and pg_get_constraintdef(c.oid) not like '%REFERENCES tenants(id)%'`.execute(db.kysely);
    expect(rows.filter((r) => !r.def.startsWith('FOREIGN KEY (tenant_id,'))).toEqual([]);
  });

  it('enables row-level security with a tenant policy on every tenant table', async () => {
    const { rows } = await sql<{ relname: string; relrowsecurity: boolean; policies: number }>`
      select c.relname, c.relrowsecurity, (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where c.relkind = 'r' and c.relname not like 'kysely_%'`.execute(db.kysely);
    const names = await tables();
    const weak = rows.filter((r) => names.includes(r.relname) && (!r.relrowsecurity || r.policies === 0)).map((r) => r.relname);
    expect(weak).toEqual([]);
  });

  it('gives business records the standard columns', async () => {
    for (const table of ['companies', 'contacts', 'activities']) {
      const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table}`.execute(db.kysely);
      const columns = rows.map((r) => r.column_name);
      for (const c of ['tenant_id', 'id', 'owner_id', 'custom', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'deleted_at']) {
        expect(columns, `${table}.${c}`).toContain(c);
      }
    }
  });
});
