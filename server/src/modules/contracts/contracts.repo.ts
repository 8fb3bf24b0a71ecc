import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** The tenant's base currency. */
export async function baseCurrencyOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`select base_currency as c from tenants`.execute(tx);
  return rows[0]?.c ?? 'CNY';
}

/** The contract an instalment belongs to (live instalments only). */
export async function instalmentContract(tx: Tx, id: string): Promise<string | undefined> {
  const { rows } = await sql<{ contract_id: string }>`select contract_id from contract_instalments where id = ${id} and deleted_at is null`.execute(tx);
  return rows[0]?.contract_id;
}

/** Sum of live instalments of a contract, besides `exceptId`. */
export async function plannedAmount(tx: Tx, contractId: string, exceptId: string | null): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(sum(amount), 0)::text as s from contract_instalments
    where contract_id = ${contractId} and deleted_at is null and id is distinct from ${exceptId}::uuid`.execute(tx);
  return rows[0]?.s ?? '0';
}

export async function bankReferenceTaken(tx: Tx, reference: string, exceptId: string | null): Promise<boolean> {
  const { rows } =
    await sql`select 1 from contract_payments where bank_reference = ${reference} and deleted_at is null and id is distinct from ${exceptId}::uuid limit 1`.execute(
      tx,
    );
  return rows.length > 0;
}

export async function invoicedAmount(tx: Tx, contractId: string, exceptId: string | null): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(sum(amount), 0)::text as s from invoices
    where contract_id = ${contractId} and deleted_at is null and status <> 'void' and id is distinct from ${exceptId}::uuid`.execute(tx);
  return rows[0]?.s ?? '0';
}

export async function refreshInvoiced(tx: Tx, contractId: string): Promise<void> {
  await sql`
    update contracts set invoiced_amount = (select coalesce(sum(amount), 0) from invoices where contract_id = ${contractId} and deleted_at is null and status <> 'void')
    where id = ${contractId}`.execute(tx);
}

type Due = { id: string; tenant_id: string };

/** `now`'s calendar day in each tenant's own time zone (join `tenants t`). */
const localToday = (now: Date) => sql`(${now}::timestamptz at time zone t.timezone)::date`;

/**
 * Contracts the daily job moves (every tenant, each on its own calendar day at `now`): signed whose
 * term began, active whose term ended, and those ending within `renewDays` without a renewal.
 */
export async function contractsToMove(tx: Tx, o: { now: Date; renewDays: number }): Promise<{ activate: Due[]; expire: Due[]; renew: Due[] }> {
  const today = localToday(o.now);
  const q = (where: ReturnType<typeof sql>) =>
    sql<Due>`select c.id, c.tenant_id from contracts c join tenants t on t.id = c.tenant_id where c.deleted_at is null and ${where} limit 1000`.execute(tx);
  const [activate, expire, renew] = await Promise.all([
    q(sql`c.status = 'signed' and c.starts_on <= ${today} and (c.ends_on is null or c.ends_on >= ${today})`),
    q(sql`c.status in ('signed', 'active') and c.ends_on < ${today}`),
    q(sql`c.status in ('signed', 'active') and c.renewal_deal_id is null and c.ends_on between ${today} and ${today} + ${o.renewDays}::int`),
  ]);
  return { activate: activate.rows, expire: expire.rows, renew: renew.rows };
}

export type OverdueInstalment = {
  id: string;
  tenant_id: string;
  owner_id: string | null;
  manager_id: string | null;
  name: string;
  amount: string;
  paid_amount: string;
  currency: string;
  due_on: string;
  today: string;
};

/**
 * Open instalments past their due day not yet marked overdue (every tenant, the due day passed in
 * the tenant's time zone at `now`, not UTC's), with their owner's team manager.
 */
export async function newlyOverdue(tx: Tx, now: Date): Promise<OverdueInstalment[]> {
  const { rows } = await sql<OverdueInstalment>`
    select i.id, i.tenant_id, i.owner_id, tm.manager_id, i.name, i.amount::text, i.paid_amount::text, i.currency,
      to_char(i.due_on, 'YYYY-MM-DD') as due_on, to_char(${localToday(now)}, 'YYYY-MM-DD') as today
    from contract_instalments i
    join tenants t on t.id = i.tenant_id
    left join users u on u.tenant_id = i.tenant_id and u.id = i.owner_id
    left join teams tm on tm.tenant_id = u.tenant_id and tm.id = u.team_id
    where i.deleted_at is null and i.status in ('pending', 'partly_paid') and i.due_on < ${localToday(now)}
    order by i.tenant_id, i.due_on limit 1000`.execute(tx);
  return rows;
}

export async function markOverdue(tx: Tx, o: { ids: string[]; today: string }): Promise<void> {
  if (o.ids.length)
    await sql`update contract_instalments set status = 'overdue', overdue_notified_on = ${o.today}::date where id = any(${o.ids}::uuid[])`.execute(tx);
}
