import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * The inbound-webhook trigger of workflow rules (#18): each such rule may have a secret URL; only
 * the SHA-256 of its token is kept (the token is shown once, when made). The call finds its rule
 * by that hash before it knows the tenant, hence the index without tenant_id (not unique: the
 * tokens are 256 random bits).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table workflow_rules add column hook_token_hash text;
  create index workflow_rules_hook on workflow_rules (hook_token_hash) where hook_token_hash is not null;`)
    .execute(db);
}
