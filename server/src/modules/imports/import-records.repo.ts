import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { RecordTable, Row } from '#platform/records/records.repo.ts';
import type { ImportObject } from './import-fields.ts';

export type JournalEntry = {
  object: ImportObject;
  record_id: string;
  row_number: number;
  action: 'created' | 'updated';
  before: Record<string, unknown> | null;
  version_after: number;
};

/** Remembers what a row wrote; a record updated twice keeps its first before-image. */
export async function journal(
  tx: Tx,
  tenantId: string,
  importId: string,
  e: { object: string; recordId: string; rowNumber: number; action: string; before: Row | null; versionAfter: number },
) {
  await sql`insert into import_records (tenant_id, import_id, object, record_id, row_number, action, before, version_after)
    values (${tenantId}, ${importId}, ${e.object}, ${e.recordId}, ${e.rowNumber}, ${e.action}, ${e.before ? JSON.stringify(e.before) : null}, ${e.versionAfter})
    on conflict (tenant_id, import_id, object, record_id) do update set version_after = excluded.version_after`.execute(tx);
}

export async function journalPage(tx: Tx, importId: string, afterRow: number, limit: number): Promise<JournalEntry[]> {
  const { rows } = await sql<JournalEntry>`select object, record_id, row_number, action, before, version_after from import_records
    where import_id = ${importId} and row_number > ${afterRow} order by row_number, object desc limit ${limit}`.execute(tx);
  return rows;
}

export async function dropJournal(tx: Tx, importId: string, entries: JournalEntry[]): Promise<void> {
  if (!entries.length) return;
  await sql`delete from import_records where import_id = ${importId}
    and (object, record_id) in (${sql.join(entries.map((e) => sql`(${e.object}, ${e.record_id}::uuid)`))})`.execute(tx);
}

/** Live records of `table` matching a row's key: its first email, any phone's E.164, or its name (+ company). */
export async function findMatch(
  tx: Tx,
  table: RecordTable,
  key: { email?: string; e164?: string[]; name?: string; companyId?: string | null },
): Promise<Row | undefined> {
  const where = key.email
    ? sql`emails @> ${JSON.stringify([{ address: key.email }])}::jsonb`
    : key.e164?.length
      ? sql`phones @> any(${key.e164.map((e) => JSON.stringify([{ e164: e }]))}::jsonb[])`
      : key.name
        ? table === 'contacts'
          ? sql`lower(name) = lower(${key.name}) and company_id is not distinct from ${key.companyId ?? null}::uuid`
          : sql`lower(name) = lower(${key.name})`
        : null;
  if (!where) return undefined;
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where deleted_at is null and ${where} order by created_at limit 1`.execute(tx);
  return rows[0];
}

export async function findCompanyByName(tx: Tx, name: string): Promise<{ id: string } | undefined> {
  const { rows } = await sql<{
    id: string;
  }>`select id from companies where deleted_at is null and lower(name) = lower(${name}) order by created_at limit 1`.execute(tx);
  return rows[0];
}

/** Columns an update may write back (not keys, not generated). */
export async function writableColumns(tx: Tx, table: RecordTable): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      and column_name not in ('tenant_id', 'id', 'created_at', 'created_by', 'version', 'updated_at')`.execute(tx);
  return rows.map((r) => r.column_name);
}

/** Puts a before-image back (one optimistic update; undefined when the record changed since the import). */
export async function restoreImage(
  tx: Tx,
  table: RecordTable,
  before: Record<string, unknown>,
  columns: string[],
  expectedVersion: number,
  userId: string | null,
): Promise<Row | undefined> {
  const sets = columns.filter((c) => c !== 'updated_by').map((c) => sql`${sql.ref(c)} = b.${sql.ref(c)}`);
  const { rows } = await sql<Row>`update ${sql.table(table)} t set ${sql.join(sets)}, updated_by = ${userId}, version = t.version + 1, updated_at = now()
    from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(before)}::jsonb) b
    where t.id = ${before.id as string} and t.version = ${expectedVersion} returning t.*`.execute(tx);
  return rows[0];
}
