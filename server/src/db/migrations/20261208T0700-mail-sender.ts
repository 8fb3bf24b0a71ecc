import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * A message may name the sender a module registered (`leads`: a web form's opt-in mail through the
 * lead settings' own SMTP server and sender address); null is the tenant's SMTP settings.
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table mail_messages add column if not exists sender text`.execute(db);
}
