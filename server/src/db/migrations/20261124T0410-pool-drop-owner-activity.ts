import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * `companies_owner_activity` duplicated `companies_owner` for the rep's list and made every owner
 * move and every logged activity maintain one more index (measured: the recycling bench).
 */
export async function up(db: Kysely<unknown>) {
  await sql`drop index if exists companies_owner_activity`.execute(db);
}
