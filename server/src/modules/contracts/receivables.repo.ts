import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type OpenInstalmentRow = { company_id: string | null; company: string | null; currency: string; amount: string; paid_amount: string; due_on: string };

/** Live instalments of live, non-terminated contracts, restricted to `owners` (null: all). */
export async function openInstalments(tx: Tx, o: { owners: string[] | null; companyId: string | null }): Promise<OpenInstalmentRow[]> {
  const { rows } = await sql<OpenInstalmentRow>`
    select i.company_id, co.name as company, i.currency, i.amount::text, i.paid_amount::text, to_char(i.due_on, 'YYYY-MM-DD') as due_on
    from contract_instalments i
    join contracts c on c.tenant_id = i.tenant_id and c.id = i.contract_id and c.deleted_at is null and c.status not in ('draft', 'terminated')
    left join companies co on co.tenant_id = i.tenant_id and co.id = i.company_id
    where i.deleted_at is null
      ${o.owners ? sql`and i.owner_id = any(${o.owners}::uuid[])` : sql``}
      ${o.companyId ? sql`and i.company_id = ${o.companyId}` : sql``}`.execute(tx);
  return rows;
}
