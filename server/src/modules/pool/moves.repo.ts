import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { sqlUuidV7 } from './governed.repo.ts';
import type { PoolFollower, PoolTarget } from './pool-targets.definition.ts';

/** The pool-capable object a statement works on: its name, table and the column linking it to a parent record. */
type Target = Pick<PoolTarget, 'object' | 'table' | 'parentColumn'>;

export type PoolStateRow = {
  record_id: string;
  pool_id: string | null;
  locked: boolean;
  previous_owner_id: string | null;
  released_at: Date | null;
  owner_id: string | null;
  name: string;
};

/** `c.<column> is null` for records pooled on their own (a contact without a company); nothing for other objects. */
export const ownRecords = (t: Pick<PoolTarget, 'parentColumn'>) => (t.parentColumn ? sql`and ${sql.ref(`c.${t.parentColumn}`)} is null` : sql``);

/**
 * The record in the pool, locked for the rest of the transaction. A concurrent claim waits
 * here; when the first one commits, the row no longer matches `pool_id` and this returns nothing.
 */
export async function lockInPool(tx: Tx, o: { target: Target; recordId: string; poolId: string }): Promise<PoolStateRow | undefined> {
  const { rows } = await sql<PoolStateRow>`
    select s.record_id, s.pool_id, s.locked, s.previous_owner_id, s.released_at, c.owner_id, c.name
    from pool_customers s join ${sql.table(o.target.table)} c on c.tenant_id = s.tenant_id and c.id = s.record_id and c.deleted_at is null
    where s.object = ${o.target.object} and s.record_id = ${o.recordId} and s.pool_id = ${o.poolId}
    for update of s, c`.execute(tx);
  return rows[0];
}

/** Where a record is now (for a clear refusal): its pool and owner's name. */
export async function whereIs(
  tx: Tx,
  o: { target: Target; recordId: string },
): Promise<{ pool_id: string | null; owner_id: string | null; owner_name: string | null } | undefined> {
  const { rows } = await sql<{ pool_id: string | null; owner_id: string | null; owner_name: string | null }>`
    select s.pool_id, c.owner_id, u.name as owner_name from ${sql.table(o.target.table)} c
    left join pool_customers s on s.tenant_id = c.tenant_id and s.object = ${o.target.object} and s.record_id = c.id
    left join users u on u.tenant_id = c.tenant_id and u.id = c.owner_id
    where c.id = ${o.recordId} and c.deleted_at is null`.execute(tx);
  return rows[0];
}

/** Serializes one user's claims (limits are counted, then written): released at commit. */
export async function lockUser(tx: Tx, o: { tenantId: string; userId: string }): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`pool-user:${o.tenantId}:${o.userId}`}, 0))`.execute(tx);
}

/** Live records of the object the users own, pooled on their own (a company's contacts are not counted). */
export async function heldCounts(tx: Tx, o: { target: Target; userIds: string[] }): Promise<Map<string, number>> {
  if (!o.userIds.length) return new Map();
  const { rows } = await sql<{ owner_id: string; n: string }>`
    select c.owner_id, count(*) as n from ${sql.table(o.target.table)} c
    where c.owner_id = any(${sql`cast(${o.userIds} as uuid[])`}) and c.deleted_at is null ${ownRecords(o.target)}
    group by c.owner_id`.execute(tx);
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

export async function heldCount(tx: Tx, o: { target: Target; userId: string }): Promise<number> {
  return (await heldCounts(tx, { target: o.target, userIds: [o.userId] })).get(o.userId) ?? 0;
}

/** Claims of the object since midnight in the tenant's time zone. */
export async function claimsToday(tx: Tx, o: { object: string; userIds: string[]; now: Date }): Promise<Map<string, number>> {
  if (!o.userIds.length) return new Map();
  const { rows } = await sql<{ user_id: string; n: string }>`
    select user_id, count(*) as n from pool_claims
    where user_id = any(${sql`cast(${o.userIds} as uuid[])`}) and object = ${o.object}
      and at >= (select date_trunc('day', cast(${o.now.toISOString()} as timestamptz) at time zone timezone) at time zone timezone from tenants)
    group by user_id`.execute(tx);
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

/** The followers a move took along, by `<object>Ids` (`contactIds`), as the events carry them. */
export type FollowerIds = Record<string, string[]>;

export type TakeOptions = {
  tenantId: string;
  target: Target & { followers: PoolFollower[] };
  recordId: string;
  poolId: string;
  ownerId: string;
  actorId: string | null;
  claim: boolean;
};

/**
 * Takes a record out of the pool for `ownerId`: state, record, its ownerless followers (with
 * their audit rows and events) and, for a claim, the claim log. The record's own audit entry
 * and event are the service's.
 */
export async function takeFromPool(tx: Tx, o: TakeOptions): Promise<FollowerIds> {
  await sql`update pool_customers set pool_id = null, owned_since = now(), pooled_at = null, pooled_reason = null,
      return_reason = null, reminded_due_at = null where object = ${o.target.object} and record_id = ${o.recordId}`.execute(tx);
  await sql`update ${sql.table(o.target.table)} set owner_id = ${o.ownerId}, updated_at = now(), updated_by = ${o.actorId}, version = version + 1
      where id = ${o.recordId}`.execute(tx);
  if (o.claim) {
    await sql`insert into pool_claims (tenant_id, id, user_id, object, record_id, pool_id)
      values (${o.tenantId}, ${sqlUuidV7}, ${o.ownerId}, ${o.target.object}, ${o.recordId}, ${o.poolId})`.execute(tx);
  }
  return moveFollowers(tx, { ...o, from: null, to: o.ownerId, action: o.claim ? 'pool_claimed' : 'pool_assigned' });
}

export type PutOptions = {
  tenantId: string;
  target: Target & { followers: PoolFollower[] };
  recordId: string;
  poolId: string;
  previousOwnerId: string | null;
  actorId: string | null;
  reason: string;
};

/** Puts an owned record into a pool (returned by its owner or released by a manager). */
export async function putIntoPool(tx: Tx, o: PutOptions & { kind: 'returned' | 'released' }): Promise<FollowerIds> {
  await sql`insert into pool_customers as s (tenant_id, object, record_id, pool_id, pooled_at, pooled_reason, return_reason, previous_owner_id, released_at)
      values (${o.tenantId}, ${o.target.object}, ${o.recordId}, ${o.poolId}, now(), ${o.kind}, ${o.reason}, ${o.previousOwnerId}, now())
      on conflict (tenant_id, object, record_id) do update set pool_id = excluded.pool_id, pooled_at = excluded.pooled_at,
        pooled_reason = excluded.pooled_reason, return_reason = excluded.return_reason, previous_owner_id = excluded.previous_owner_id,
        released_at = excluded.released_at, owned_since = null, reminded_due_at = null`.execute(tx);
  await sql`update ${sql.table(o.target.table)} set owner_id = null, updated_at = now(), updated_by = ${o.actorId}, version = version + 1
      where id = ${o.recordId}`.execute(tx);
  if (!o.previousOwnerId) return {};
  return moveFollowers(tx, { ...o, from: o.previousOwnerId, to: null, action: o.kind === 'returned' ? 'pool_returned' : 'pool_released' });
}

type MoveFollowersOptions = {
  tenantId: string;
  target: { followers: PoolFollower[] };
  recordId: string;
  actorId: string | null;
  from: string | null;
  to: string | null;
  action: string;
};

/** The record's followers (a company's contacts) owned by `from` (null: ownerless) go to `to`, each with an audit row and an event. */
async function moveFollowers(tx: Tx, o: MoveFollowersOptions): Promise<FollowerIds> {
  const ids: FollowerIds = {};
  for (const f of o.target.followers) {
    const fromCond = o.from === null ? sql`owner_id is null` : sql`owner_id = ${o.from}`;
    const { rows } = await sql<{ id: string }>`
      with moved as (
        update ${sql.table(f.table)} set owner_id = ${o.to}, updated_at = now(), updated_by = ${o.actorId}, version = version + 1
        where ${sql.ref(f.column)} = ${o.recordId} and deleted_at is null and ${fromCond}
        returning id
      ),
      audit as (
        insert into audit_log (tenant_id, id, actor_id, action, object_type, object_id, changes)
        select cast(${o.tenantId} as uuid), ${sqlUuidV7}, ${o.actorId}, ${o.action}, ${f.object}, id,
          jsonb_build_object('ownerId', jsonb_build_object('from', cast(${o.from} as uuid), 'to', cast(${o.to} as uuid))) from moved
      ),
      events as (
        insert into outbox (tenant_id, id, type, object_type, object_id, actor_id, payload)
        select cast(${o.tenantId} as uuid), ${sqlUuidV7}, ${`${f.object}.${o.action}`}, ${f.object}, id, ${o.actorId},
          jsonb_build_object(cast(${f.payloadKey} as text), cast(${o.recordId} as uuid), 'ownerId', cast(${o.to} as uuid), 'previousOwnerId', cast(${o.from} as uuid)) from moved
      )
      select id from moved`.execute(tx);
    ids[`${f.object}Ids`] = rows.map((r) => r.id);
  }
  return ids;
}

/** The pool of the object an owner's records belong to: the one given to their nearest team, else everyone's. */
export async function poolForOwner(tx: Tx, o: { userId: string; object: string }): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, depth) as (
      select team_id, 0 from users where id = ${o.userId} and team_id is not null
      union all select t.parent_id, up.depth + 1 from teams t join up on t.id = up.id where t.parent_id is not null
    )
    select p.id from pools p
    left join lateral (select min(up.depth) as d from pool_teams pt join up on up.id = pt.team_id where pt.pool_id = p.id) m on true
    where p.deleted_at is null and p.object = ${o.object} and (m.d is not null or not exists (select 1 from pool_teams pt where pt.pool_id = p.id))
    order by m.d nulls last, p.position, p.created_at limit 1`.execute(tx);
  return rows[0]?.id;
}

type StateKey = { tenantId: string; object: string; recordId: string };

export async function setLocked(tx: Tx, o: StateKey & { locked: boolean }): Promise<void> {
  await sql`insert into pool_customers (tenant_id, object, record_id, locked) values (${o.tenantId}, ${o.object}, ${o.recordId}, ${o.locked})
    on conflict (tenant_id, object, record_id) do update set locked = excluded.locked`.execute(tx);
}

export async function poolStateOf(tx: Tx, o: { object: string; recordId: string }): Promise<{ pool_id: string | null; locked: boolean } | undefined> {
  return tx.selectFrom('pool_customers').select(['pool_id', 'locked']).where('object', '=', o.object).where('record_id', '=', o.recordId).executeTakeFirst();
}

/** Owner changes made outside the pool (a transfer in the record) restart the clock; only for records pooled on their own. */
export async function markOwnedSince(tx: Tx, o: { tenantId: string; target: Target; recordId: string; at: Date }): Promise<void> {
  await sql`insert into pool_customers as s (tenant_id, object, record_id, owned_since)
    select cast(${o.tenantId} as uuid), ${o.target.object}, c.id, cast(${o.at.toISOString()} as timestamptz)
    from ${sql.table(o.target.table)} c where c.id = ${o.recordId} ${ownRecords(o.target)}
    on conflict (tenant_id, object, record_id) do update set owned_since = greatest(s.owned_since, excluded.owned_since), reminded_due_at = null`.execute(tx);
}

/** A won deal: the customer counts as won from then on (latest wins, replays change nothing). */
export async function markWon(tx: Tx, o: { tenantId: string; target: Target; recordId: string; at: Date }): Promise<void> {
  await sql`insert into pool_customers as s (tenant_id, object, record_id, last_won_at)
    select cast(${o.tenantId} as uuid), ${o.target.object}, c.id, cast(${o.at.toISOString()} as timestamptz)
    from ${sql.table(o.target.table)} c where c.id = ${o.recordId} ${ownRecords(o.target)}
    on conflict (tenant_id, object, record_id) do update set last_won_at = greatest(s.last_won_at, excluded.last_won_at)`.execute(tx);
}

/** The ids a record links to through `columns` (a deal's `company_id`, `contact_id`), for the deal-won rule. */
export async function linksOf(tx: Tx, o: { table: string; id: string; columns: string[] }): Promise<Record<string, string | null> | undefined> {
  if (!o.columns.length) return {};
  const { rows } = await sql<Record<string, string | null>>`
    select ${sql.join(o.columns.map((c) => sql.ref(c)))} from ${sql.table(o.table)} where id = ${o.id}`.execute(tx);
  return rows[0];
}

/** A live, active user of the tenant, and whether an admin role makes every pool theirs. */
export async function activeUser(tx: Tx, id: string): Promise<{ name: string; is_admin: boolean } | undefined> {
  const { rows } = await sql<{ name: string; is_admin: boolean }>`
    select u.name, exists (select 1 from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where ur.tenant_id = u.tenant_id and ur.user_id = u.id and r.is_admin) as is_admin
    from users u where u.id = ${id} and u.is_active`.execute(tx);
  return rows[0];
}
