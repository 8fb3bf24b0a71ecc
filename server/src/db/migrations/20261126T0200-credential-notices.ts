import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * NOTIFY kehu_credentials, with the tenant id, whenever what a token resolves to may change: a
 * session ends, an API token is revoked or its limits change, a user is deactivated or moves
 * team, roles or role assignments change, the team tree changes. Each server drops that tenant's
 * cached credentials (platform/auth/credential-cache.ts); triggers catch the CLI, other instances
 * and direct SQL alike. Writes of last-used times and logins are not among them. Notices go out
 * at commit, once per tenant per transaction.
 */
const WATCHED: [table: string, events: string][] = [
  ['sessions', 'delete or update of expires_at, user_id'],
  ['api_tokens', 'delete or update of revoked_at, expires_at, scopes, rate_limit, user_id'],
  ['users', 'delete or update of is_active, team_id, locale'],
  ['user_roles', 'insert or update or delete'],
  ['roles', 'update or delete'],
  ['teams', 'insert or update or delete'],
];

export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
    create function notify_credentials() returns trigger language plpgsql as $$
    begin
      perform pg_notify('kehu_credentials', (case tg_op when 'DELETE' then old.tenant_id else new.tenant_id end)::text);
      return null;
    end $$;
    ${WATCHED.map(([table, events]) => `create trigger ${table}_credentials after ${events} on ${table} for each row execute function notify_credentials();`).join('\n')}`)
    .execute(db);
}
