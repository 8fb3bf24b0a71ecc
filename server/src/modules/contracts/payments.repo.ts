import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** Today in the tenant's time zone (the calendar day its people see), as `yyyy-mm-dd`. */
export async function tenantToday(tx: Tx, now: Date = new Date()): Promise<string> {
  const { rows } = await sql<{ d: string }>`select to_char((${now}::timestamptz at time zone timezone)::date, 'YYYY-MM-DD') as d from tenants`.execute(tx);
  return rows[0]?.d ?? now.toISOString().slice(0, 10);
}

/** Locks a contract until the write commits: payments of one contract are matched one after the other, never counted twice. */
export async function lockContract(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from contracts where id = ${id} for update`.execute(tx);
  return rows.length > 0;
}

export type OpenInstalment = { id: string; name: string; due_on: string; amount: string; paid: string };

/**
 * A contract's live instalments, oldest due first, each with what live payments other than
 * `exceptPaymentId` (the payment being changed) already pay on it.
 */
export async function instalmentsOf(tx: Tx, o: { contractId: string; exceptPaymentId: string | null }): Promise<OpenInstalment[]> {
  const { rows } = await sql<OpenInstalment>`
    select i.id, i.name, to_char(i.due_on, 'YYYY-MM-DD') as due_on, i.amount::text,
      coalesce((select sum((a->>'amount')::numeric) from contract_payments p cross join jsonb_array_elements(p.allocations) a
        where p.contract_id = i.contract_id and p.deleted_at is null and p.id is distinct from ${o.exceptPaymentId}::uuid
          and a->>'instalmentId' = i.id::text), 0)::text as paid
    from contract_instalments i
    where i.contract_id = ${o.contractId} and i.deleted_at is null
    order by i.due_on, i.created_at, i.id`.execute(tx);
  return rows;
}

/**
 * Keeps every instalment's paid amount and status, and the contract's received amount and
 * credit, equal to what its live payments' allocations say (after any payment write).
 */
export async function refreshContractPaid(tx: Tx, o: { contractId: string; today: string }): Promise<void> {
  await sql`
    update contract_instalments i set paid_amount = x.s,
      status = case when x.s >= i.amount then 'paid' when i.due_on < ${o.today}::date then 'overdue' when x.s > 0 then 'partly_paid' else 'pending' end
    from (
      select i2.id, coalesce(sum((a->>'amount')::numeric), 0) as s
      from contract_instalments i2
      left join contract_payments p on p.tenant_id = i2.tenant_id and p.contract_id = i2.contract_id and p.deleted_at is null
      left join lateral jsonb_array_elements(p.allocations) a on a->>'instalmentId' = i2.id::text
      where i2.contract_id = ${o.contractId}
      group by i2.id
    ) x
    where i.id = x.id`.execute(tx);
  await sql`
    update contracts c set received_amount = coalesce(p.received, 0), credit_amount = coalesce(p.credit, 0)
    from (select sum(amount) as received, sum(credit_amount) as credit from contract_payments where contract_id = ${o.contractId} and deleted_at is null) p
    where c.id = ${o.contractId}`.execute(tx);
}

/** Live payments of a contract with credit left, oldest received first (credit is used in that order). */
export async function paymentsWithCredit(tx: Tx, contractId: string): Promise<{ id: string }[]> {
  const { rows } = await sql<{ id: string }>`
    select id from contract_payments where contract_id = ${contractId} and deleted_at is null and credit_amount > 0
    order by received_on, created_at, id`.execute(tx);
  return rows;
}

/** Payments' contracts and allocations (any state), for the restore check. */
export async function paymentAllocations(
  tx: Tx,
  ids: readonly string[],
): Promise<{ id: string; contract_id: string; allocations: { instalmentId: string; amount: string }[] }[]> {
  const { rows } = await sql<{ id: string; contract_id: string; allocations: { instalmentId: string; amount: string }[] }>`
    select id, contract_id, allocations from contract_payments where id = any(${[...ids]}::uuid[])`.execute(tx);
  return rows;
}

/** Of these instalments, those some live payment pays. */
export async function instalmentsWithPayments(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from contract_instalments where id = any(${[...ids]}::uuid[]) and paid_amount > 0`.execute(tx);
  return rows.map((r) => r.id);
}
