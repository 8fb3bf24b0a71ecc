import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** A row of `exports` as stored (jsonb parsed by the driver). */
export type ExportRow = {
  tenant_id: string;
  id: string;
  object: string;
  format: 'csv' | 'xlsx';
  query: { filter?: string; sort?: string; q?: string };
  columns: { key: string; label: string }[];
  status: string;
  total_rows: number | null;
  rows_written: number;
  file_name: string;
  size_bytes: string | number;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
  updated_at: Date;
};

const json = (v: unknown) => JSON.stringify(v);

export async function insertExport(
  tx: Tx,
  v: Pick<ExportRow, 'tenant_id' | 'id' | 'object' | 'format' | 'query' | 'columns' | 'file_name' | 'created_by' | 'total_rows'>,
): Promise<void> {
  await sql`insert into exports (tenant_id, id, object, format, query, columns, file_name, created_by, total_rows, status)
    values (${v.tenant_id}, ${v.id}, ${v.object}, ${v.format}, ${json(v.query)}, ${json(v.columns)}, ${v.file_name}, ${v.created_by}, ${v.total_rows}, 'queued')`.execute(
    tx,
  );
}

export async function findExport(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ExportRow | undefined> {
  const { rows } = await sql<ExportRow>`select * from exports where id = ${id} ${options.lock ? sql`for update` : sql``}`.execute(tx);
  return rows[0];
}

export async function listExports(tx: Tx, createdBy: string | null, limit: number): Promise<ExportRow[]> {
  const { rows } = await sql<ExportRow>`select * from exports where (${createdBy}::uuid is null or created_by = ${createdBy})
    order by created_at desc limit ${limit}`.execute(tx);
  return rows;
}

/** Sets the given columns. */
export async function updateExport(tx: Tx, id: string, values: Partial<Record<keyof ExportRow, unknown>>): Promise<void> {
  const sets = Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v !== null && typeof v === 'object' && !(v instanceof Date) ? json(v) : v}`);
  await sql`update exports set ${sql.join([...sets, sql`updated_at = now()`])} where id = ${id}`.execute(tx);
}

/** Progress of a running export; answers the status so the runner notices a cancel. */
export async function setProgress(tx: Tx, id: string, rowsWritten: number): Promise<string | undefined> {
  const { rows } = await sql<{ status: string }>`update exports set rows_written = ${rowsWritten}, updated_at = now()
    where id = ${id} returning status`.execute(tx);
  return rows[0]?.status;
}

/** Exports waiting for a worker, or abandoned by one, across tenants (the sweep runs as the owner role). */
export async function pendingExports(tx: Tx): Promise<{ tenant_id: string; id: string }[]> {
  const { rows } = await sql<{ tenant_id: string; id: string }>`select tenant_id, id from exports
    where status = 'queued' or (status = 'running' and updated_at < now() - interval '10 minutes')`.execute(tx);
  return rows;
}

/** Finished exports past their expiry, across tenants. */
export async function expiredExports(tx: Tx, now: Date): Promise<{ tenant_id: string; id: string; format: string }[]> {
  const { rows } = await sql<{ tenant_id: string; id: string; format: string }>`select tenant_id, id, format from exports
    where status = 'done' and expires_at <= ${now} limit 1000`.execute(tx);
  return rows;
}

export async function markExpired(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await sql`update exports set status = 'expired', updated_at = now() where id = any(${ids}::uuid[]) and status = 'done'`.execute(tx);
}
