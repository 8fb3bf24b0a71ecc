import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** Blocking keys of identifier hashes made with the master key itself (before its HKDF sub-key): `i:<hash>`. */
export const LEGACY_IDENTIFIER_PREFIX = 'i:';

/** Up to `limit` records of the object that still hold a legacy identifier key (a range of the primary key). */
export async function recordsWithLegacyKeys(tx: Tx, o: { tenantId: string; object: string; limit: number }): Promise<string[]> {
  const { rows } = await sql<{ record_id: string }>`select distinct record_id from dedup_keys
    where tenant_id = ${o.tenantId} and object = ${o.object} and key >= 'i:' and key < 'i;' limit ${o.limit}`.execute(tx);
  return rows.map((r) => r.record_id);
}

/** Every tenant's id (read outside any tenant: the rekey visits them all). */
export async function tenantIds(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from tenants order by id`.execute(tx);
  return rows.map((r) => r.id);
}
