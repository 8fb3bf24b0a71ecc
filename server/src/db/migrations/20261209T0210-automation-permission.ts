import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * The `automation` permission (build workflow rules and mail templates without being an admin, #18): the
 * default Sales Manager role of existing tenants gets it on their team's rules, as new tenants' does.
 * A role an admin already gave an automation grant keeps it.
 */
export async function up(db: Kysely<unknown>) {
  await sql`update roles
    set permissions = permissions || '{"automation":{"read":"team","create":"team","update":"team","delete":"team"}}'::jsonb
    where name = 'Sales Manager' and not is_admin and not (permissions ? 'automation')`.execute(db);
}
