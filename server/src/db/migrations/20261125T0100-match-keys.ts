import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Match keys as arrays, so that one statement finds the records of a whole import batch:
 * `email_keys(emails) && $emails` is a single GIN index scan, where `emails @> ...` needed a
 * scan per row, and the planner, estimating 1% of rows per containment, read the whole table in
 * created_at order instead. Addresses are compared in lower case, as mail does.
 * `&&` and the two key functions get LEAKPROOF on the terms of 20261123T1850-search-indexes (row-level security keeps a
 * condition out of the index otherwise). The jsonb_path_ops indexes of 20261124T0700 go: every
 * lookup of an email or phone now goes through these. `fastupdate = off`: a record has one or
 * two keys, cheap to insert directly, while a pending list would be read by every lookup of an
 * import that is writing thousands of rows.
 */
export async function up(db: Kysely<unknown>) {
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  await sql
    .raw(`
    create function email_keys(emails jsonb) returns text[] language sql immutable parallel safe as
      $$ select coalesce(array_agg(distinct lower(e->>'address')) filter (where e->>'address' is not null), '{}')
         from jsonb_array_elements(case when jsonb_typeof(emails) = 'array' then emails else '[]' end) e $$;
    create function phone_keys(phones jsonb) returns text[] language sql immutable parallel safe as
      $$ select coalesce(array_agg(distinct p->>'e164') filter (where p->>'e164' is not null), '{}')
         from jsonb_array_elements(case when jsonb_typeof(phones) = 'array' then phones else '[]' end) p $$;
    drop index if exists contacts_emails;
    drop index if exists contacts_phones;
    drop index if exists companies_emails;
    drop index if exists companies_phones;
    create index contacts_email_keys on contacts using gin (email_keys(emails)) with (fastupdate = off) where deleted_at is null;
    create index contacts_phone_keys on contacts using gin (phone_keys(phones)) with (fastupdate = off) where deleted_at is null;
    create index companies_email_keys on companies using gin (email_keys(emails)) with (fastupdate = off) where deleted_at is null;
    create index companies_phone_keys on companies using gin (phone_keys(phones)) with (fastupdate = off) where deleted_at is null;`)
    .execute(db);
  // The key functions raise no error whatever the value (a non-array reads as empty), so they can be LEAKPROOF.
  if (rows[0]?.superuser) {
    await sql
      .raw(`
    alter function pg_catalog.arrayoverlap(anyarray, anyarray) leakproof;
    alter function email_keys(jsonb) leakproof;
    alter function phone_keys(jsonb) leakproof;`)
      .execute(db);
  }
}
