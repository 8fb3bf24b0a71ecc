import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * `teams.manager_id -> users` made a foreign-key cycle with `users.team_id -> teams`, which the
 * logical backup cannot order (parents before children, db/backup/catalog.ts). The teams service
 * checks that a manager is an active user of the tenant (teams.service.ts), as it does for members;
 * users are deactivated, never deleted, so the reference cannot dangle.
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table teams drop constraint if exists teams_manager_fk`.execute(db);
}
