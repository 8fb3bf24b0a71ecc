import { type RawBuilder, sql } from 'kysely';
import type { PoolTarget } from './pool-targets.definition.ts';

/** A UUIDv7 made in SQL, so set-based inserts keep audit and outbox ids time-ordered like `newId()`. */
export const sqlUuidV7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

export type GovernedOptions = {
  tenantId: string;
  /** The object whose records (`c`) are governed: its table, and records pooled on their own only. */
  target: Pick<PoolTarget, 'object' | 'table' | 'parentColumn'>;
  now: Date;
  /** Extra conditions on `c` (the records) or `s` (pool state), e.g. an owner. */
  where?: RawBuilder<unknown>;
  /** Only these records, each fetched by primary key (and locked, skipping locked rows, with `lock`). */
  ids?: string[];
  lock?: boolean;
};

/**
 * Every owned, live, unlocked record of the object (pooled on its own: not a company's contact)
 * with the pool whose rules govern it and when those rules take it back. The governing pool is
 * the owner's pool of that object: the one given to the owner's nearest team (walking up the
 * tree), else one given to everyone; its rules apply only while recycling is on.
 * - no follow-up: N days after the later of the last activity and when the owner got it;
 *   skipped while the customer is won (a won deal within M days, or ever when M is off).
 * - no won deal: M days after the later of the last won deal and when the owner got it.
 * One set-based query; the caller filters on `due_at`.
 */
export function governedRecords(o: GovernedOptions) {
  const target = o.target;
  const now = sql`cast(${o.now.toISOString()} as timestamptz)`;
  return sql`
    with recursive closure(team_id, ancestor_id, depth) as (
      select id, id, 0 from teams where tenant_id = ${o.tenantId}
      union all
      select c.team_id, t.parent_id, c.depth + 1 from closure c
      join teams t on t.tenant_id = ${o.tenantId} and t.id = c.ancestor_id where t.parent_id is not null
    ),
    user_pool as (
      select distinct on (u.id) u.id as user_id, p.id as pool_id, p.name as pool_name, p.recycle_enabled,
        p.followup_days, p.deal_days, coalesce(p.remind_days, 0) as remind_days
      from users u
      join pools p on p.tenant_id = u.tenant_id and p.deleted_at is null and p.object = ${target.object}
      left join lateral (
        select min(cl.depth) as depth from pool_teams pt
        join closure cl on cl.ancestor_id = pt.team_id and cl.team_id = u.team_id
        where pt.tenant_id = p.tenant_id and pt.pool_id = p.id
      ) m on true
      where u.tenant_id = ${o.tenantId}
        and (m.depth is not null or not exists (select 1 from pool_teams pt where pt.tenant_id = p.tenant_id and pt.pool_id = p.id))
      order by u.id, m.depth nulls last, p.position, p.created_at
    )
    select c.id, c.name, c.owner_id, c.last_activity_at, s.last_won_at, s.reminded_due_at,
      up.pool_id, up.pool_name, up.remind_days,
      least(d.followup_due, d.deal_due) as due_at,
      case when d.deal_due is null or d.followup_due <= d.deal_due then 'no_followup' else 'no_won_deal' end as reason
    from ${o.ids ? byIds(o) : sql`${sql.table(target.table)} c`}
    join user_pool up on up.user_id = c.owner_id and up.recycle_enabled
    left join ${
      o.ids
        ? sql`lateral (select * from pool_customers s where s.tenant_id = ${o.tenantId} and s.object = ${target.object} and s.record_id = c.id offset 0) s on true`
        : sql`pool_customers s on s.tenant_id = c.tenant_id and s.object = ${target.object} and s.record_id = c.id`
    }
    cross join lateral (select coalesce(s.owned_since, c.created_at) as since) o
    cross join lateral (
      select
        case when up.followup_days is not null
          and not (s.last_won_at is not null and (up.deal_days is null or s.last_won_at > ${now} - up.deal_days * interval '1 day'))
          then greatest(c.last_activity_at, o.since) + up.followup_days * interval '1 day' end as followup_due,
        case when up.deal_days is not null then greatest(s.last_won_at, o.since) + up.deal_days * interval '1 day' end as deal_due
    ) d
    where c.tenant_id = ${o.tenantId} and c.deleted_at is null and c.owner_id is not null and not coalesce(s.locked, false)
      ${target.parentColumn ? sql`and ${sql.ref(`c.${target.parentColumn}`)} is null` : sql``}
      ${o.where ? sql`and ${o.where}` : sql``}`;
}

/**
 * A batch's records by primary key, one lookup per id: `offset 0` keeps the planner from
 * flattening the lateral into a hash join that would scan the whole table for every batch.
 */
const byIds = (o: GovernedOptions) => sql`unnest(cast(${o.ids} as uuid[])) as k(id)
    cross join lateral (select * from ${sql.table(o.target.table)} c where c.tenant_id = ${o.tenantId} and c.id = k.id offset 0
      ${o.lock ? sql`for update skip locked` : sql``}) c`;
