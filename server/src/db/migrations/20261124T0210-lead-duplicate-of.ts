import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/** A lead created despite a duplicate warning points at the lead it resembles, so lists can flag it. */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table leads add column duplicate_of uuid;
  `)
    .execute(db);
}
