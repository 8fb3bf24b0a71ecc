import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type PoolCustomerRow = {
  id: string;
  name: string;
  industry: string | null;
  address: { city?: string } | null;
  phones: { number?: string }[];
  pool_id: string;
  pooled_at: Date | null;
  pooled_text: string;
  pooled_reason: string | null;
  return_reason: string | null;
  previous_owner_id: string | null;
  previous_owner_name: string | null;
  released_at: Date | null;
  last_activity_at: Date | null;
  contact_count: string;
};

export type PoolContactRow = {
  id: string;
  company_id: string;
  name: string;
  title: string | null;
  phones: { number?: string }[];
  emails: { address?: string; email?: string }[];
};

/** One keyset page of a pool, newest arrivals first; `q` matches the company's search text. */
export async function poolPage(tx: Tx, o: { poolId: string; q?: string; after: { at: string; id: string } | null; limit: number }): Promise<PoolCustomerRow[]> {
  const after = o.after ? sql`and (s.pooled_at, s.company_id) < (cast(${o.after.at} as timestamptz), cast(${o.after.id} as uuid))` : sql``;
  const q = o.q ? sql`and c.search_text like ${`%${o.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql``;
  const { rows } = await sql<PoolCustomerRow>`
    select c.id, c.name, c.industry, c.address, c.phones, s.pool_id, s.pooled_at, cast(s.pooled_at as text) as pooled_text,
      s.pooled_reason, s.return_reason, s.previous_owner_id, u.name as previous_owner_name, s.released_at, c.last_activity_at,
      (select count(*) from contacts p where p.tenant_id = c.tenant_id and p.company_id = c.id and p.deleted_at is null) as contact_count
    from pool_customers s
    join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id and c.deleted_at is null
    left join users u on u.tenant_id = s.tenant_id and u.id = s.previous_owner_id
    where s.pool_id = ${o.poolId} ${after} ${q}
    order by s.pooled_at desc, s.company_id desc
    limit ${o.limit + 1}`.execute(tx);
  return rows;
}

/** Up to three live contacts per company, for the masked preview. */
export async function poolContacts(tx: Tx, companyIds: string[]): Promise<PoolContactRow[]> {
  if (!companyIds.length) return [];
  const { rows } = await sql<PoolContactRow>`
    select x.id, x.company_id, x.name, x.title, x.phones, x.emails from (
      select p.*, row_number() over (partition by p.company_id order by p.created_at, p.id) as rn
      from contacts p where p.company_id = any(${sql`cast(${companyIds} as uuid[])`}) and p.deleted_at is null
    ) x where x.rn <= 3 order by x.company_id, x.rn`.execute(tx);
  return rows;
}
