import type { Tx } from '#db/tx.ts';

export type SuppressionRow = { kind: 'email' | 'phone'; hash: string; reason: string; requestId: string | null };

/** Adds hashes to the list; a hash already there keeps its first reason (erasing twice is no error). */
export async function insertSuppressions(tx: Tx, tenantId: string, rows: SuppressionRow[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await tx
    .insertInto('privacy_suppressions')
    .values(rows.map((r) => ({ tenant_id: tenantId, kind: r.kind, hash: r.hash, reason: r.reason, request_id: r.requestId })))
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'hash']).doNothing())
    .returning('hash')
    .execute();
  return inserted.length;
}

/** The hashes among `hashes` that are on the list. */
export async function suppressedHashes(tx: Tx, hashes: string[]): Promise<string[]> {
  if (!hashes.length) return [];
  const rows = await tx.selectFrom('privacy_suppressions').select('hash').where('hash', 'in', hashes).execute();
  return rows.map((r) => r.hash);
}
