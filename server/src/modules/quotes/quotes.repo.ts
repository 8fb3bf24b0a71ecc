import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LinkRow = { id: string; owner_id: string | null; name: string; company_id: string | null; contact_id: string | null; currency: string | null };

/** A live deal, company or contact a quote links to, with what a quote takes from it. */
export async function findLink(tx: Tx, table: 'deals' | 'companies' | 'contacts', id: string): Promise<LinkRow | undefined> {
  const extra =
    table === 'deals'
      ? sql`company_id, contact_id, currency`
      : table === 'contacts'
        ? sql`company_id, null::uuid as contact_id, null::text as currency`
        : sql`null::uuid as company_id, null::uuid as contact_id, null::text as currency`;
  const { rows } = await sql<LinkRow>`
    select id, owner_id, name, ${extra} from ${sql.table(table)} where id = ${id} and deleted_at is null`.execute(tx);
  return rows[0];
}

/** The tenant's base currency. */
export async function baseCurrencyOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`select base_currency as c from tenants`.execute(tx);
  return rows[0]?.c ?? 'CNY';
}

/** The highest revision of a quote family (locked, so two revisions at once get distinct numbers). */
export async function lastRevision(tx: Tx, familyId: string): Promise<number> {
  const { rows } = await sql<{ revision: number }>`
    select revision from quotes where family_id = ${familyId} order by revision desc limit 1 for update`.execute(tx);
  return rows[0]?.revision ?? 0;
}

/** Sent quotes whose validity ended before `today`, for the daily expiry (every tenant). */
export async function expiredQuoteIds(tx: Tx, today: string): Promise<{ id: string; tenant_id: string }[]> {
  const { rows } = await sql<{ id: string; tenant_id: string }>`
    select id, tenant_id from quotes where status = 'sent' and valid_until < ${today}::date and deleted_at is null limit 1000`.execute(tx);
  return rows;
}

/** The tenant's name, the PDF's letterhead. */
export async function tenantNameOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ name: string }>`select name from tenants`.execute(tx);
  return rows[0]?.name ?? 'Kehu';
}
