import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * Automation re-checks its owner's readable fields when it runs (#18): a rule run or a webhook
 * delivery whose saved conditions or filter name a field the owner may no longer read is skipped,
 * and says which fields (`reason_fields`); a skipped delivery is logged but never sent.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table workflow_runs add column reason_fields text[];
  alter table webhook_deliveries add column reason_fields text[];
  alter table webhook_deliveries drop constraint webhook_deliveries_status_check;
  alter table webhook_deliveries add constraint webhook_deliveries_status_check check (status in ('pending', 'delivered', 'failed', 'skipped'));
`)
    .execute(db);
}
