import { type Insertable, type Selectable, sql } from 'kysely';
import type { ExchangeRates } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type RateRow = Selectable<ExchangeRates>;

export const tenantBaseCurrency = async (tx: Tx): Promise<string> =>
  (await tx.selectFrom('tenants').select('base_currency').executeTakeFirstOrThrow()).base_currency;

export const listRateRows = (tx: Tx, o: { currency?: string | undefined; baseCurrency: string }) => {
  let q = tx.selectFrom('exchange_rates').selectAll().where('base_currency', '=', o.baseCurrency);
  if (o.currency) q = q.where('currency', '=', o.currency);
  return q.orderBy('currency').orderBy('effective_date', 'desc').execute();
};

export const findRateRow = (tx: Tx, id: string) => tx.selectFrom('exchange_rates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertRateRow = (tx: Tx, values: Insertable<ExchangeRates>) =>
  tx
    .insertInto('exchange_rates')
    .values(values)
    .onConflict((c) => c.doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateRateRow = (tx: Tx, id: string, version: number, values: { rate?: string; effective_date?: string; updated_by: string | null }) =>
  tx
    .updateTable('exchange_rates')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const deleteRateRow = (tx: Tx, id: string) => tx.deleteFrom('exchange_rates').where('id', '=', id).execute();

/** The rate in force on `asOf` (the latest on or before it), else the earliest one after it. */
export async function rateOn(tx: Tx, o: { currency: string; baseCurrency: string; asOf: string }): Promise<string | null> {
  const { rows } = await sql<{ rate: string }>`
    select rate from exchange_rates
    where currency = ${o.currency} and base_currency = ${o.baseCurrency}
    order by (effective_date <= ${o.asOf}::date) desc,
      case when effective_date <= ${o.asOf}::date then effective_date end desc nulls last, effective_date
    limit 1`.execute(tx);
  return rows[0]?.rate ?? null;
}

/**
 * Re-derives the base-currency amount of every deal in `currency` after its rates changed; a
 * derived value, so neither version nor updated_at moves (as with last activity times).
 */
export async function refreshDealAmounts(tx: Tx, o: { currency: string; baseCurrency: string }): Promise<number> {
  const result = await sql`
    update deals d set exchange_rate = x.rate, amount_base = round(d.amount * x.rate, 2)
    from (
      select d2.id, (
        select e.rate from exchange_rates e
        where e.currency = d2.currency and e.base_currency = d2.base_currency
        order by (e.effective_date <= coalesce(d2.closed_at::date, d2.expected_close_date, current_date)) desc,
          case when e.effective_date <= coalesce(d2.closed_at::date, d2.expected_close_date, current_date) then e.effective_date end desc nulls last,
          e.effective_date
        limit 1) as rate
      from deals d2 where d2.currency = ${o.currency} and d2.base_currency = ${o.baseCurrency}
    ) x
    where x.id = d.id`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
