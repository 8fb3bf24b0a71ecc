import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.
export async function up(db: Kysely<unknown>) {
  await sql.raw('alter table tenants add column version integer not null default 1').execute(db);
}
