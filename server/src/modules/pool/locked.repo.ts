import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LockedRow = { id: string; name: string; owner_id: string | null; last_activity_at: Date | null };

/** Live companies locked against recycling, by name, within the owners the caller may see (null: all). */
export async function lockedCompanies(tx: Tx, o: { owners: string[] | null; limit: number }): Promise<LockedRow[]> {
  const owners = o.owners ? sql`and c.owner_id = any(${sql`cast(${o.owners} as uuid[])`})` : sql``;
  const { rows } = await sql<LockedRow>`
    select c.id, c.name, c.owner_id, c.last_activity_at
    from pool_customers s join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id
    where s.locked and c.deleted_at is null ${owners}
    order by c.name, c.id limit ${o.limit}`.execute(tx);
  return rows;
}
