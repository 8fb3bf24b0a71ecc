import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Wakes the outbox relay the moment a transaction that wrote events commits: NOTIFY is
 * delivered on commit and dropped on rollback, and one notification per statement is enough.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  create function kehu_outbox_notify() returns trigger language plpgsql as $$
  begin
    perform pg_notify('kehu_outbox', '');
    return null;
  end $$;
  create trigger outbox_notify after insert on outbox for each statement execute function kehu_outbox_notify();
  `)
    .execute(db);
}
