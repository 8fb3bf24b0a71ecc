import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/** The shared record search also matches phone digits; a deal carries its contact's and company's. */
export async function up(db: Kysely<unknown>) {
  await sql.raw(`alter table deals add column phone_digits text not null default '';`).execute(db);
}
