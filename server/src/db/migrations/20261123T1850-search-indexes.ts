import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Lets lists and search use their indexes under row-level security. PostgreSQL only pushes a
 * condition into an index scan ahead of the RLS policy when its operator is LEAKPROOF, and
 * `like`, `ilike`, pg_trgm's `<%` and jsonb `->>` are not marked so: with 1M contacts every search
 * and city filter became a sequential scan (docs/benchmarks.md). They raise no errors that depend
 * on the row's data, and the app role cannot write SQL, so marking them is safe here. It takes a
 * superuser (PGlite and a self-hosted server; a managed one keeps working, only slower).
 */
export async function up(db: Kysely<unknown>) {
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  if (rows[0]?.superuser) {
    await sql
      .raw(`
    alter function pg_catalog.textlike(text, text) leakproof;
    alter function pg_catalog.texticlike(text, text) leakproof;
    alter function pg_catalog.jsonb_object_field_text(jsonb, text) leakproof;
    alter function word_similarity_op(text, text) leakproof;`)
      .execute(db);
  }
  // City is the commonest list filter; with the sort columns behind it a filtered page reads ~50 rows.
  await sql
    .raw(`create index if not exists contacts_city_list on contacts (tenant_id, (address->>'city'), created_at desc, id desc) where deleted_at is null;`)
    .execute(db);
}
