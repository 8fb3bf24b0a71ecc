import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** A live order of this quote that is not cancelled, if any. */
export async function liveOrderOfQuote(tx: Tx, quoteId: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    select id from orders where quote_id = ${quoteId} and deleted_at is null and status <> 'cancelled' limit 1`.execute(tx);
  return rows[0]?.id;
}

/** The tenant's active administrators (told about low stock with the product's owner). */
export async function adminIds(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select distinct u.id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where r.is_admin and u.is_active`.execute(tx);
  return rows.map((r) => r.id);
}

/** The tenant's base currency. */
export async function baseCurrencyOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`select base_currency as c from tenants`.execute(tx);
  return rows[0]?.c ?? 'CNY';
}
