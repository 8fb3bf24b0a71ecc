import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

/** The record table of an object duplicate detection covers (dedup-objects.service.ts). */
type Table = string;

/** Live records after `afterId`, in id order (a full scan's page). */
export async function recordPage(tx: Tx, table: Table, afterId: string | null, limit: number): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where deleted_at is null
    ${afterId ? sql`and id > ${afterId}::uuid` : sql``} order by id limit ${limit}`.execute(tx);
  return rows;
}

export async function recordsByIds(tx: Tx, table: Table, ids: string[]): Promise<Row[]> {
  if (!ids.length) return [];
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(tx);
  return rows;
}

/** Replaces the blocking keys of these records (a record's keys change with its values). */
export async function replaceKeys(tx: Tx, tenantId: string, object: string, recordIds: string[], keys: { recordId: string; key: string }[]): Promise<void> {
  if (recordIds.length) await sql`delete from dedup_keys where object = ${object} and record_id = any(${recordIds}::uuid[])`.execute(tx);
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    await sql`insert into dedup_keys (tenant_id, object, key, record_id)
      select ${tenantId}::uuid, ${object}, k, r from unnest(${chunk.map((k) => k.key)}::text[], ${chunk.map((k) => k.recordId)}::uuid[]) as t(k, r)
      on conflict do nothing`.execute(tx);
  }
}

export async function dropKeys(tx: Tx, object: string, recordId: string): Promise<void> {
  await sql`delete from dedup_keys where object = ${object} and record_id = ${recordId}`.execute(tx);
}

/** Every key of the object is rebuilt by a full scan; keys of records gone since then go with them. */
export async function clearKeys(tx: Tx, object: string): Promise<void> {
  await sql`delete from dedup_keys where object = ${object}`.execute(tx);
}

/**
 * The next blocks (records sharing a key) after `afterKey`, in key order, that hold between two
 * and `maxBlock` records: a scan walks the key index once instead of joining all keys.
 */
export async function blockPage(tx: Tx, object: string, afterKey: string | null, limit: number, maxBlock: number): Promise<{ key: string; ids: string[] }[]> {
  const { rows } = await sql<{ key: string; ids: string[] }>`
    select key, array_agg(record_id order by record_id) as ids from dedup_keys
    where object = ${object} ${afterKey === null ? sql`` : sql`and key > ${afterKey}`}
    group by key having count(*) between 2 and ${maxBlock}
    order by key limit ${limit}`.execute(tx);
  return rows;
}

/**
 * Records sharing a small enough block with `recordId` (an incremental check of one record).
 * Two index lookups: the record's keys, then those keys' blocks. One joined statement let the
 * planner, without statistics on a freshly filled table (PGlite has no autovacuum), pick a nested
 * loop that rescanned every key per key: minutes for a few hundred records.
 */
export async function neighboursOf(tx: Tx, object: string, recordId: string, maxBlock: number): Promise<string[]> {
  const mine = await sql<{ key: string }>`select key from dedup_keys where object = ${object} and record_id = ${recordId}`.execute(tx);
  if (!mine.rows.length) return [];
  const { rows } = await sql<{ ids: string[] }>`
    select array_agg(record_id) as ids from dedup_keys where object = ${object} and key = any(${mine.rows.map((r) => r.key)}::text[])
    group by key having count(*) <= ${maxBlock}`.execute(tx);
  return [...new Set(rows.flatMap((r) => r.ids))].filter((id) => id !== recordId);
}
