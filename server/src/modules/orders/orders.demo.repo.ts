import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** A demo deal by its (unique in the demo data) name. */
export async function demoDeal(tx: Tx, name: string): Promise<{ id: string; owner_id: string | null } | undefined> {
  const { rows } = await sql<{ id: string; owner_id: string | null }>`
    select id, owner_id from deals where name = ${name} and deleted_at is null order by created_at limit 1`.execute(tx);
  return rows[0];
}

/** Demo products' ids by SKU. */
export async function demoProducts(tx: Tx, skus: string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; sku: string }>`
    select id, sku from products where sku = any(${sql`cast(${skus} as text[])`}) and deleted_at is null`.execute(tx);
  return new Map(rows.map((r) => [r.sku, r.id]));
}
