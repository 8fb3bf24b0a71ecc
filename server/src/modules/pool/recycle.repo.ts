import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { governedRecords, sqlUuidV7 } from './governed.repo.ts';
import type { PoolFollower, PoolTarget } from './pool-targets.definition.ts';

const uuids = (ids: string[]) => sql`cast(${ids} as uuid[])`;
const at = (d: Date) => sql`cast(${d.toISOString()} as timestamptz)`;

type Target = Pick<PoolTarget, 'object' | 'table' | 'parentColumn'>;

/** Tenants with at least one pool that recycles; the pass runs tenant by tenant. */
export async function recyclingTenants(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ tenant_id: string }>`
    select distinct tenant_id from pools where deleted_at is null and recycle_enabled
      and (followup_days is not null or deal_days is not null)`.execute(tx);
  return rows.map((r) => r.tenant_id);
}

/** The objects whose pools recycle in the tenant (no scan of an object nobody pools). */
export async function recyclingObjects(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ object: string }>`
    select distinct object from pools where deleted_at is null and recycle_enabled
      and (followup_days is not null or deal_days is not null)`.execute(tx);
  return rows.map((r) => r.object);
}

/**
 * One scan of the tenant's owned records of the object: ids due back in the pool at `now`, and
 * ids due a warning (recycling within the pool's K days, this due date not warned yet), in id order.
 */
export async function dueIds(tx: Tx, o: { tenantId: string; target: Target; now: Date }): Promise<{ recycle: string[]; remind: string[] }> {
  const { rows } = await sql<{ id: string; recycle: boolean }>`
    select g.id, g.due_at <= ${at(o.now)} as recycle from (${governedRecords(o)}) g
    where g.due_at <= ${at(o.now)}
      or (g.remind_days > 0 and g.due_at - g.remind_days * interval '1 day' <= ${at(o.now)} and g.reminded_due_at is distinct from g.due_at)
    order by g.id`.execute(tx);
  return { recycle: rows.filter((r) => r.recycle).map((r) => r.id), remind: rows.filter((r) => !r.recycle).map((r) => r.id) };
}

/** CTEs moving the followers (a company's contacts) of the moved records with their owner, with audit rows and events. */
function followerCtes(t: string, followers: PoolFollower[]): RawBuilder<unknown> {
  return sql.join(
    followers.map((f, i) => {
      const name = sql.raw(`people_${i}`);
      return sql`, ${name} as (
      update ${sql.table(f.table)} p set owner_id = null, updated_at = now(), updated_by = null, version = p.version + 1
      from moved where p.tenant_id = ${t} and ${sql.ref(`p.${f.column}`)} = moved.id and p.owner_id = moved.prev_owner and p.deleted_at is null
      returning p.id, moved.prev_owner, moved.pool_id, moved.id as parent_id
    ),
    ${sql.raw(`audit_people_${i}`)} as (
      insert into audit_log (tenant_id, id, action, object_type, object_id, changes)
      select cast(${t} as uuid), ${sqlUuidV7}, 'pool_recycled', ${f.object}, id, jsonb_build_object(
        'ownerId', jsonb_build_object('from', prev_owner, 'to', null), cast(${f.payloadKey} as text), jsonb_build_object('from', parent_id, 'to', parent_id)) from ${name}
    ),
    ${sql.raw(`events_people_${i}`)} as (
      insert into outbox (tenant_id, id, type, object_type, object_id, payload)
      select cast(${t} as uuid), ${sqlUuidV7}, ${`${f.object}.pool_recycled`}, ${f.object}, id, jsonb_build_object(
        'poolId', pool_id, 'previousOwnerId', prev_owner, cast(${f.payloadKey} as text), parent_id) from ${name}
    )`;
    }),
    sql``,
  );
}

/**
 * Moves one batch of due records into their pools in one statement: the record loses its owner,
 * the owner's followers (a company's contacts) go with it, the pool state records why and who
 * had it, and each moved record and follower gets its audit entry and outbox event. Rows are
 * checked again (an activity logged since the scan saves the customer) and locked rows are skipped.
 */
export async function recycleBatch(tx: Tx, o: { tenantId: string; target: Target & { followers: PoolFollower[] }; now: Date; ids: string[] }): Promise<number> {
  const t = o.tenantId;
  const object = o.target.object;
  const governed = governedRecords({ tenantId: t, target: o.target, now: o.now, ids: o.ids, lock: true });
  const { rows } = await sql<{ n: string }>`
    with cand as (select * from (${governed}) g where g.due_at <= ${at(o.now)}),
    moved as (
      update ${sql.table(o.target.table)} c set owner_id = null, updated_at = now(), updated_by = null, version = c.version + 1
      from cand where c.tenant_id = ${t} and c.id = cand.id
      returning c.id, cand.owner_id as prev_owner, cand.pool_id, cand.reason, cand.due_at
    ),
    state as (
      insert into pool_customers as s (tenant_id, object, record_id, pool_id, pooled_at, pooled_reason, previous_owner_id, released_at)
      select cast(${t} as uuid), ${object}, id, pool_id, now(), reason, prev_owner, now() from moved
      on conflict (tenant_id, object, record_id) do update set pool_id = excluded.pool_id, pooled_at = excluded.pooled_at,
        pooled_reason = excluded.pooled_reason, previous_owner_id = excluded.previous_owner_id, released_at = excluded.released_at,
        owned_since = null, return_reason = null, reminded_due_at = null
    ),
    audit_records as (
      insert into audit_log (tenant_id, id, action, object_type, object_id, changes)
      select cast(${t} as uuid), ${sqlUuidV7}, 'pool_recycled', ${object}, id, jsonb_build_object(
        'ownerId', jsonb_build_object('from', prev_owner, 'to', null),
        'poolId', jsonb_build_object('from', null, 'to', pool_id),
        'reason', jsonb_build_object('from', null, 'to', reason)) from moved
    ),
    events as (
      insert into outbox (tenant_id, id, type, object_type, object_id, payload)
      select cast(${t} as uuid), ${sqlUuidV7}, ${`${object}.pool_recycled`}, ${object}, id, jsonb_build_object(
        'poolId', pool_id, 'previousOwnerId', prev_owner, 'reason', reason, 'dueAt', due_at) from moved
    )${followerCtes(t, o.target.followers)}
    select count(*) as n from moved`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

export type ReminderRow = { id: string; name: string; owner_id: string; pool_id: string; reason: string; due_at: Date };

/**
 * Claims one batch of reminders: records whose recycling is at most K days away and whose
 * current due date was not reminded yet. Recording the due date makes a rerun send nothing
 * again, and a follow-up that moves the due date lets the next warning through. The caller
 * creates the owner's task (audited, on the record's timeline); here the state and the event.
 */
export async function claimReminders(tx: Tx, o: { tenantId: string; target: Target; now: Date; ids: string[] }): Promise<ReminderRow[]> {
  const t = o.tenantId;
  const object = o.target.object;
  const governed = governedRecords({ tenantId: t, target: o.target, now: o.now, ids: o.ids, lock: true });
  const { rows } = await sql<ReminderRow>`
    with cand as (
      select * from (${governed}) g
      where g.due_at > ${at(o.now)} and g.remind_days > 0 and g.due_at - g.remind_days * interval '1 day' <= ${at(o.now)}
        and g.reminded_due_at is distinct from g.due_at
    ),
    state as (
      insert into pool_customers (tenant_id, object, record_id, reminded_due_at)
      select cast(${t} as uuid), ${object}, id, due_at from cand
      on conflict (tenant_id, object, record_id) do update set reminded_due_at = excluded.reminded_due_at
    ),
    events as (
      insert into outbox (tenant_id, id, type, object_type, object_id, payload)
      select cast(${t} as uuid), ${sqlUuidV7}, ${`${object}.pool_recycle_warning`}, ${object}, id,
        jsonb_build_object('ownerId', owner_id, 'poolId', pool_id, 'reason', reason, 'dueAt', due_at) from cand
    )
    select id, name, owner_id, pool_id, reason, due_at from cand`.execute(tx);
  return rows;
}

export type ExpiringRow = ReminderRow & { pool_name: string; last_activity_at: Date | null; last_won_at: Date | null };

/** The owners' records of the object due back within `until` (overdue included), soonest first. */
export async function expiringFor(
  tx: Tx,
  o: { tenantId: string; target: Target; now: Date; until: Date; ownerIds: string[]; limit: number },
): Promise<ExpiringRow[]> {
  const governed = governedRecords({ tenantId: o.tenantId, target: o.target, now: o.now, where: sql`c.owner_id = any(${uuids(o.ownerIds)})` });
  const { rows } = await sql<ExpiringRow>`
    select * from (${governed}) g where g.due_at <= ${at(o.until)} order by g.due_at, g.id limit ${o.limit}`.execute(tx);
  return rows;
}

/** The tenant's language and time zone, for reminder texts and dates. */
export async function tenantClock(tx: Tx): Promise<{ locale: 'zh-CN' | 'en'; timezone: string }> {
  const row = await tx.selectFrom('tenants').select(['locale', 'timezone']).executeTakeFirstOrThrow();
  return { locale: row.locale === 'en' ? 'en' : 'zh-CN', timezone: row.timezone };
}
