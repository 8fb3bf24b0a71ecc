import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Indexes for finding a record by email, phone or name, as imports (their match rule, company
 * and contact references) and duplicate checks do once per row. Without them each lookup read
 * every contact: a 20,000-row import ran at ~40 rows/s and slowed as the table grew.
 * `@>` on jsonb and `lower()` get LEAKPROOF for the same reason and on the same terms as
 * 20261123T1850-search-indexes: otherwise row-level security keeps them out of index conditions.
 */
export async function up(db: Kysely<unknown>) {
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  if (rows[0]?.superuser) {
    await sql
      .raw(`
    alter function pg_catalog.jsonb_contains(jsonb, jsonb) leakproof;
    alter function pg_catalog.lower(text) leakproof;`)
      .execute(db);
  }
  await sql
    .raw(`
    create index if not exists contacts_emails on contacts using gin (emails jsonb_path_ops) where deleted_at is null;
    create index if not exists contacts_phones on contacts using gin (phones jsonb_path_ops) where deleted_at is null;
    create index if not exists contacts_lower_name on contacts (tenant_id, lower(name)) where deleted_at is null;
    create index if not exists companies_emails on companies using gin (emails jsonb_path_ops) where deleted_at is null;
    create index if not exists companies_phones on companies using gin (phones jsonb_path_ops) where deleted_at is null;
    create index if not exists companies_lower_name on companies (tenant_id, lower(name)) where deleted_at is null;`)
    .execute(db);
}
