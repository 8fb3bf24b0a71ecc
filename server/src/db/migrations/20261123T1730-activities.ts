import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Task reminders: `reminded_at` marks a reminder as sent, so the scheduled check emits each
 * `activity.reminder_due` once even when it runs on several instances or is retried.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table activities add column reminded_at timestamptz;
  create index activities_reminders on activities (remind_at)
    where type = 'task' and remind_at is not null and reminded_at is null and done_at is null and deleted_at is null;
  `)
    .execute(db);
}
