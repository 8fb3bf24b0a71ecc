import { type Kysely, sql } from 'kysely';
import type { DB } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { newId } from '../ids.ts';

// Identity lookups happen before the tenant is known, so they run as the owner role.

export const findLoginCandidates = (db: Kysely<DB>, email: string) =>
  db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select([
      'users.tenant_id',
      'users.id',
      'users.email',
      'users.name',
      'users.password_hash',
      'users.is_active',
      'users.failed_logins',
      'users.locked_until',
      'tenants.slug',
    ])
    .where('users.email', '=', email)
    .execute();

export const recordLoginFailure = (db: Kysely<DB>, tenantId: string, userId: string, lockAfter: number, lockMinutes: number) =>
  db
    .updateTable('users')
    .set({
      failed_logins: sql`failed_logins + 1`,
      locked_until: sql`case when failed_logins + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();

export const recordLoginSuccess = (tx: Tx, tenantId: string, userId: string) =>
  tx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();

export type NewSession = { tenantId: string; userId: string; hash: string; days: number; ip: string | null; userAgent: string | null };

export async function insertSession(tx: Tx, s: NewSession): Promise<Date> {
  const row = await tx
    .insertInto('sessions')
    .values({
      tenant_id: s.tenantId,
      id: newId(),
      user_id: s.userId,
      token_hash: s.hash,
      expires_at: sql<Date>`now() + make_interval(days => ${s.days})`,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 500) ?? null,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

export const deleteSession = (db: Kysely<DB>, hash: string) => db.deleteFrom('sessions').where('token_hash', '=', hash).execute();

export const touchApiToken = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();

export const touchSession = (db: Kysely<DB>, tenantId: string, id: string) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
    .execute();
