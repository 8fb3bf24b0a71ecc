import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** The tenant's base currency. */
export async function baseCurrencyOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`select base_currency as c from tenants`.execute(tx);
  return rows[0]?.c ?? 'CNY';
}

export type InstalmentLock = {
  id: string;
  contract_id: string;
  amount: string;
  paid_amount: string;
  due_on: string;
  currency: string;
  owner_id: string | null;
  company_id: string | null;
  deleted_at: Date | null;
};

/** The instalment a payment goes against, locked until the write commits: two payments at once count one after the other. */
export async function lockInstalment(tx: Tx, id: string): Promise<InstalmentLock | undefined> {
  const { rows } = await sql<InstalmentLock>`
    select id, contract_id, amount::text, paid_amount::text, to_char(due_on, 'YYYY-MM-DD') as due_on, currency, owner_id, company_id, deleted_at
    from contract_instalments where id = ${id} for update`.execute(tx);
  return rows[0];
}

/** Sum of live instalments of a contract, besides `exceptId`. */
export async function plannedAmount(tx: Tx, contractId: string, exceptId: string | null): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(sum(amount), 0)::text as s from contract_instalments
    where contract_id = ${contractId} and deleted_at is null and id is distinct from ${exceptId}::uuid`.execute(tx);
  return rows[0]?.s ?? '0';
}

/** Sum of live payments of an instalment, besides `exceptId`. */
export async function paidOn(tx: Tx, instalmentId: string, exceptId: string | null): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(sum(amount), 0)::text as s from contract_payments
    where instalment_id = ${instalmentId} and deleted_at is null and id is distinct from ${exceptId}::uuid`.execute(tx);
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

/**
 * Keeps an instalment's paid amount and status, and its contract's received amount, equal to
 * their live payments (after a payment is recorded, changed, deleted or restored).
 */
export async function refreshPaid(tx: Tx, o: { instalmentId: string; contractId: string; today: string }): Promise<void> {
  await sql`
    update contract_instalments i set paid_amount = p.s,
      status = case when p.s >= i.amount then 'paid' when i.due_on < ${o.today}::date then 'overdue' when p.s > 0 then 'partly_paid' else 'pending' end
    from (select coalesce(sum(amount), 0) as s from contract_payments where instalment_id = ${o.instalmentId} and deleted_at is null) p
    where i.id = ${o.instalmentId}`.execute(tx);
  await sql`
    update contracts set received_amount = (select coalesce(sum(amount), 0) from contract_payments where contract_id = ${o.contractId} and deleted_at is null)
    where id = ${o.contractId}`.execute(tx);
}

export async function refreshInvoiced(tx: Tx, contractId: string): Promise<void> {
  await sql`
    update contracts set invoiced_amount = (select coalesce(sum(amount), 0) from invoices where contract_id = ${contractId} and deleted_at is null and status <> 'void')
    where id = ${contractId}`.execute(tx);
}

/** An instalment's status after its due day or amount changed (no payment involved). */
export async function refreshInstalmentStatus(tx: Tx, o: { id: string; today: string }): Promise<void> {
  await sql`
    update contract_instalments set status = case when paid_amount >= amount then 'paid' when due_on < ${o.today}::date then 'overdue' when paid_amount > 0 then 'partly_paid' else 'pending' end
    where id = ${o.id}`.execute(tx);
}

type Due = { id: string; tenant_id: string };

/** Contracts the daily job moves (every tenant): signed whose term began, active whose term ended, and those ending within `renewDays` without a renewal. */
export async function contractsToMove(tx: Tx, o: { today: string; renewBy: string }): Promise<{ activate: Due[]; expire: Due[]; renew: Due[] }> {
  const q = (where: ReturnType<typeof sql>) => sql<Due>`select id, tenant_id from contracts where deleted_at is null and ${where} limit 1000`.execute(tx);
  const [activate, expire, renew] = await Promise.all([
    q(sql`status = 'signed' and starts_on <= ${o.today}::date and (ends_on is null or ends_on >= ${o.today}::date)`),
    q(sql`status in ('signed', 'active') and ends_on < ${o.today}::date`),
    q(sql`status in ('signed', 'active') and renewal_deal_id is null and ends_on between ${o.today}::date and ${o.renewBy}::date`),
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
};

/** Open instalments past their due day not yet marked overdue (every tenant), with their owner's team manager. */
export async function newlyOverdue(tx: Tx, today: string): Promise<OverdueInstalment[]> {
  const { rows } = await sql<OverdueInstalment>`
    select i.id, i.tenant_id, i.owner_id, t.manager_id, i.name, i.amount::text, i.paid_amount::text, i.currency, to_char(i.due_on, 'YYYY-MM-DD') as due_on
    from contract_instalments i
    left join users u on u.tenant_id = i.tenant_id and u.id = i.owner_id
    left join teams t on t.tenant_id = u.tenant_id and t.id = u.team_id
    where i.deleted_at is null and i.status in ('pending', 'partly_paid') and i.due_on < ${today}::date
    order by i.tenant_id, i.due_on limit 1000`.execute(tx);
  return rows;
}

export async function markOverdue(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length) await sql`update contract_instalments set status = 'overdue', overdue_notified_on = current_date where id = any(${ids}::uuid[])`.execute(tx);
}
