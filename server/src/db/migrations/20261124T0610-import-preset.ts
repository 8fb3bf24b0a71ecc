import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.
// The other CRM an uploaded file was recognised as (salesforce, hubspot, zoho, suitecrm).
export async function up(db: Kysely<unknown>) {
  await sql.raw('alter table imports add column preset text').execute(db);
}
