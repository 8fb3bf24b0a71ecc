import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PoolFollower, PoolTarget } from './pool-targets.definition.ts';

export type PoolCustomerRow = {
  id: string;
  name: string;
  /** The target's subtitle column: a company's industry, a contact's title. */
  subtitle: string | null;
  address: { city?: string } | null;
  phones: { number?: string }[];
  emails: { address?: string }[];
  source: string | null;
  pool_id: string;
  pooled_at: Date | null;
  pooled_text: string;
  pooled_reason: string | null;
  return_reason: string | null;
  previous_owner_id: string | null;
  previous_owner_name: string | null;
  released_at: Date | null;
  last_activity_at: Date | null;
  follower_count: string;
};

export type PoolFollowerRow = {
  id: string;
  parent_id: string;
  name: string;
  subtitle: string | null;
  phones: { number?: string }[];
  emails: { address?: string; email?: string }[];
};

const subtitleOf = (column: string | null) => (column ? sql.ref(`c.${column}`) : sql`null`);

/** Live followers per record (a company's contacts), summed over the follower objects. */
const followerCount = (followers: PoolFollower[]) =>
  followers.length
    ? sql.join(
        followers.map(
          (f) =>
            sql`(select count(*) from ${sql.table(f.table)} p where p.tenant_id = c.tenant_id and ${sql.ref(`p.${f.column}`)} = c.id and p.deleted_at is null)`,
        ),
        sql` + `,
      )
    : sql`0`;

type PageOptions = {
  target: Pick<PoolTarget, 'object' | 'table' | 'subtitle' | 'followers'>;
  poolId: string;
  q?: string;
  after: { at: string; id: string } | null;
  limit: number;
};

/**
 * One keyset page of a pool, newest arrivals first, along `pool_customers_list`; `q` matches the
 * record's search text. A pool holds one object, so its records come from one table.
 */
export async function poolPage(tx: Tx, o: PageOptions): Promise<PoolCustomerRow[]> {
  const after = o.after ? sql`and (s.pooled_at, s.record_id) < (cast(${o.after.at} as timestamptz), cast(${o.after.id} as uuid))` : sql``;
  const q = o.q ? sql`and c.search_text like ${`%${o.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql``;
  const { rows } = await sql<PoolCustomerRow>`
    select c.id, c.name, ${subtitleOf(o.target.subtitle)} as subtitle, c.address, c.phones, c.emails, c.source, s.pool_id, s.pooled_at,
      cast(s.pooled_at as text) as pooled_text, s.pooled_reason, s.return_reason, s.previous_owner_id, u.name as previous_owner_name,
      s.released_at, c.last_activity_at, ${followerCount(o.target.followers)} as follower_count
    from pool_customers s
    join ${sql.table(o.target.table)} c on c.tenant_id = s.tenant_id and c.id = s.record_id and c.deleted_at is null
    left join users u on u.tenant_id = s.tenant_id and u.id = s.previous_owner_id
    where s.pool_id = ${o.poolId} and s.object = ${o.target.object} ${after} ${q}
    order by s.pooled_at desc, s.record_id desc
    limit ${o.limit + 1}`.execute(tx);
  return rows;
}

/** Up to three live followers per record (a company's contacts), for the masked preview. */
export async function poolFollowers(tx: Tx, o: { follower: PoolFollower; parentIds: string[] }): Promise<PoolFollowerRow[]> {
  if (!o.parentIds.length) return [];
  const parent = sql.ref(`c.${o.follower.column}`);
  const { rows } = await sql<PoolFollowerRow>`
    select x.id, x.parent_id, x.name, x.subtitle, x.phones, x.emails from (
      select c.id, ${parent} as parent_id, c.name, ${subtitleOf(o.follower.subtitle)} as subtitle, c.phones, c.emails,
        row_number() over (partition by ${parent} order by c.created_at, c.id) as rn
      from ${sql.table(o.follower.table)} c where ${parent} = any(${sql`cast(${o.parentIds} as uuid[])`}) and c.deleted_at is null
    ) x where x.rn <= 3 order by x.parent_id, x.rn`.execute(tx);
  return rows;
}
