import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { sqlUuidV7 } from './governed.sql.ts';

export type PoolStateRow = {
  company_id: string;
  pool_id: string | null;
  locked: boolean;
  previous_owner_id: string | null;
  released_at: Date | null;
  owner_id: string | null;
  name: string;
};

/**
 * The company in the pool, locked for the rest of the transaction. A concurrent claim waits
 * here; when the first one commits, the row no longer matches `pool_id` and this returns nothing.
 */
export async function lockInPool(tx: Tx, o: { companyId: string; poolId: string }): Promise<PoolStateRow | undefined> {
  const { rows } = await sql<PoolStateRow>`
    select s.company_id, s.pool_id, s.locked, s.previous_owner_id, s.released_at, c.owner_id, c.name
    from pool_customers s join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id and c.deleted_at is null
    where s.company_id = ${o.companyId} and s.pool_id = ${o.poolId}
    for update of s, c`.execute(tx);
  return rows[0];
}

/** Where a company is now (for a clear refusal): its pool and owner's name. */
export async function whereIs(tx: Tx, companyId: string): Promise<{ pool_id: string | null; owner_id: string | null; owner_name: string | null } | undefined> {
  const { rows } = await sql<{ pool_id: string | null; owner_id: string | null; owner_name: string | null }>`
    select s.pool_id, c.owner_id, u.name as owner_name from companies c
    left join pool_customers s on s.tenant_id = c.tenant_id and s.company_id = c.id
    left join users u on u.tenant_id = c.tenant_id and u.id = c.owner_id
    where c.id = ${companyId} and c.deleted_at is null`.execute(tx);
  return rows[0];
}

/** Serializes one user's claims (limits are counted, then written): released at commit. */
export async function lockUser(tx: Tx, o: { tenantId: string; userId: string }): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`pool-user:${o.tenantId}:${o.userId}`}, 0))`.execute(tx);
}

export async function heldCount(tx: Tx, userId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from companies where owner_id = ${userId} and deleted_at is null`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** Claims since midnight in the tenant's time zone. */
export async function claimsToday(tx: Tx, o: { userIds: string[]; now: Date }): Promise<Map<string, number>> {
  if (!o.userIds.length) return new Map();
  const { rows } = await sql<{ user_id: string; n: string }>`
    select user_id, count(*) as n from pool_claims
    where user_id = any(${sql`cast(${o.userIds} as uuid[])`})
      and at >= (select date_trunc('day', cast(${o.now.toISOString()} as timestamptz) at time zone timezone) at time zone timezone from tenants)
    group by user_id`.execute(tx);
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

export async function heldCounts(tx: Tx, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const { rows } = await sql<{ owner_id: string; n: string }>`
    select owner_id, count(*) as n from companies where owner_id = any(${sql`cast(${userIds} as uuid[])`}) and deleted_at is null group by owner_id`.execute(
    tx,
  );
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

export type TakeOptions = { tenantId: string; companyId: string; poolId: string; ownerId: string; actorId: string | null; claim: boolean };

/**
 * Takes a company out of the pool for `ownerId`: state, company, its ownerless contacts (with
 * their audit rows and events) and, for a claim, the claim log. The company's own audit entry
 * and event are the service's.
 */
export async function takeFromPool(tx: Tx, o: TakeOptions): Promise<{ contactIds: string[] }> {
  await sql`update pool_customers set pool_id = null, owned_since = now(), pooled_at = null, pooled_reason = null,
      return_reason = null, reminded_due_at = null where company_id = ${o.companyId}`.execute(tx);
  await sql`update companies set owner_id = ${o.ownerId}, updated_at = now(), updated_by = ${o.actorId}, version = version + 1
      where id = ${o.companyId}`.execute(tx);
  if (o.claim) {
    await sql`insert into pool_claims (tenant_id, id, user_id, company_id, pool_id) values (${o.tenantId}, ${sqlUuidV7}, ${o.ownerId}, ${o.companyId}, ${o.poolId})`.execute(
      tx,
    );
  }
  return moveContacts(tx, { ...o, from: null, to: o.ownerId, action: o.claim ? 'pool_claimed' : 'pool_assigned' });
}

export type PutOptions = { tenantId: string; companyId: string; poolId: string; previousOwnerId: string | null; actorId: string | null; reason: string };

/** Puts an owned company into a pool (returned by its owner or released by a manager). */
export async function putIntoPool(tx: Tx, o: PutOptions & { kind: 'returned' | 'released' }): Promise<{ contactIds: string[] }> {
  await sql`insert into pool_customers as s (tenant_id, company_id, pool_id, pooled_at, pooled_reason, return_reason, previous_owner_id, released_at)
      values (${o.tenantId}, ${o.companyId}, ${o.poolId}, now(), ${o.kind}, ${o.reason}, ${o.previousOwnerId}, now())
      on conflict (tenant_id, company_id) do update set pool_id = excluded.pool_id, pooled_at = excluded.pooled_at,
        pooled_reason = excluded.pooled_reason, return_reason = excluded.return_reason, previous_owner_id = excluded.previous_owner_id,
        released_at = excluded.released_at, owned_since = null, reminded_due_at = null`.execute(tx);
  await sql`update companies set owner_id = null, updated_at = now(), updated_by = ${o.actorId}, version = version + 1 where id = ${o.companyId}`.execute(tx);
  if (!o.previousOwnerId) return { contactIds: [] };
  return moveContacts(tx, { ...o, from: o.previousOwnerId, to: null, action: o.kind === 'returned' ? 'pool_returned' : 'pool_released' });
}

type MoveContactsOptions = { tenantId: string; companyId: string; actorId: string | null; from: string | null; to: string | null; action: string };

/** The company's contacts owned by `from` (null: ownerless) go to `to`, each with an audit row and an event. */
async function moveContacts(tx: Tx, o: MoveContactsOptions): Promise<{ contactIds: string[] }> {
  const fromCond = o.from === null ? sql`owner_id is null` : sql`owner_id = ${o.from}`;
  const { rows } = await sql<{ id: string }>`
    with moved as (
      update contacts set owner_id = ${o.to}, updated_at = now(), updated_by = ${o.actorId}, version = version + 1
      where company_id = ${o.companyId} and deleted_at is null and ${fromCond}
      returning id
    ),
    audit as (
      insert into audit_log (tenant_id, id, actor_id, action, object_type, object_id, changes)
      select cast(${o.tenantId} as uuid), ${sqlUuidV7}, ${o.actorId}, ${o.action}, 'contact', id,
        jsonb_build_object('ownerId', jsonb_build_object('from', cast(${o.from} as uuid), 'to', cast(${o.to} as uuid))) from moved
    ),
    events as (
      insert into outbox (tenant_id, id, type, object_type, object_id, actor_id, payload)
      select cast(${o.tenantId} as uuid), ${sqlUuidV7}, ${`contact.${o.action}`}, 'contact', id, ${o.actorId},
        jsonb_build_object('companyId', cast(${o.companyId} as uuid), 'ownerId', cast(${o.to} as uuid), 'previousOwnerId', cast(${o.from} as uuid)) from moved
    )
    select id from moved`.execute(tx);
  return { contactIds: rows.map((r) => r.id) };
}

/** The pool an owner's customers belong to: the one given to their nearest team, else everyone's. */
export async function poolForOwner(tx: Tx, userId: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, depth) as (
      select team_id, 0 from users where id = ${userId} and team_id is not null
      union all select t.parent_id, up.depth + 1 from teams t join up on t.id = up.id where t.parent_id is not null
    )
    select p.id from pools p
    left join lateral (select min(up.depth) as d from pool_teams pt join up on up.id = pt.team_id where pt.pool_id = p.id) m on true
    where p.deleted_at is null and (m.d is not null or not exists (select 1 from pool_teams pt where pt.pool_id = p.id))
    order by m.d nulls last, p.position, p.created_at limit 1`.execute(tx);
  return rows[0]?.id;
}

export async function setLocked(tx: Tx, o: { tenantId: string; companyId: string; locked: boolean }): Promise<void> {
  await sql`insert into pool_customers (tenant_id, company_id, locked) values (${o.tenantId}, ${o.companyId}, ${o.locked})
    on conflict (tenant_id, company_id) do update set locked = excluded.locked`.execute(tx);
}

export async function poolStateOf(tx: Tx, companyId: string): Promise<{ pool_id: string | null; locked: boolean } | undefined> {
  return tx.selectFrom('pool_customers').select(['pool_id', 'locked']).where('company_id', '=', companyId).executeTakeFirst();
}

/** Owner changes made outside the pool (a transfer in the customer record) restart the clock. */
export async function markOwnedSince(tx: Tx, o: { tenantId: string; companyId: string; at: Date }): Promise<void> {
  await sql`insert into pool_customers (tenant_id, company_id, owned_since) values (${o.tenantId}, ${o.companyId}, ${o.at})
    on conflict (tenant_id, company_id) do update set owned_since = greatest(pool_customers.owned_since, excluded.owned_since), reminded_due_at = null`.execute(
    tx,
  );
}

/** A won deal: the customer counts as won from then on (latest wins, replays change nothing). */
export async function markWon(tx: Tx, o: { tenantId: string; companyId: string; at: Date }): Promise<void> {
  await sql`insert into pool_customers (tenant_id, company_id, last_won_at)
    select cast(${o.tenantId} as uuid), id, ${o.at} from companies where id = ${o.companyId}
    on conflict (tenant_id, company_id) do update set last_won_at = greatest(pool_customers.last_won_at, excluded.last_won_at)`.execute(tx);
}

/** A live, active user of the tenant, and whether an admin role makes every pool theirs. */
export async function activeUser(tx: Tx, id: string): Promise<{ name: string; is_admin: boolean } | undefined> {
  const { rows } = await sql<{ name: string; is_admin: boolean }>`
    select u.name, exists (select 1 from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where ur.tenant_id = u.tenant_id and ur.user_id = u.id and r.is_admin) as is_admin
    from users u where u.id = ${id} and u.is_active`.execute(tx);
  return rows[0];
}
