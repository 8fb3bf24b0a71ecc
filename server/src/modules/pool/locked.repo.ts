import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PoolTarget } from './pool-targets.definition.ts';

export type LockedRow = { id: string; name: string; owner_id: string | null; last_activity_at: Date | null };

/** Live records of the object locked against recycling, by name, within the owners the caller may see (null: all). */
export async function lockedRecords(tx: Tx, o: { target: Pick<PoolTarget, 'object' | 'table'>; owners: string[] | null; limit: number }): Promise<LockedRow[]> {
  const owners = o.owners ? sql`and c.owner_id = any(${sql`cast(${o.owners} as uuid[])`})` : sql``;
  const { rows } = await sql<LockedRow>`
    select c.id, c.name, c.owner_id, c.last_activity_at
    from pool_customers s join ${sql.table(o.target.table)} c on c.tenant_id = s.tenant_id and c.id = s.record_id
    where s.locked and s.object = ${o.target.object} and c.deleted_at is null ${owners}
    order by c.name, c.id limit ${o.limit}`.execute(tx);
  return rows;
}
