import { type Kysely, sql } from 'kysely';
import type { DB } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import type { FileEncoding } from './file-format.rules.ts';

/** A row of `imports` as stored (jsonb parsed by the driver). */
export type ImportRow = {
  tenant_id: string;
  id: string;
  object: string;
  file_name: string;
  format: 'csv' | 'xlsx' | 'vcf';
  encoding: FileEncoding;
  size_bytes: string | number;
  /** XLSX: the workbook's sheet names in order, and the one to import; null for CSV and vCard. */
  sheets: string[] | null;
  sheet: string | null;
  columns: string[];
  sample: string[][];
  total_rows: number | null;
  mapping: { column: number; field: string }[];
  preset: string | null;
  dedup: Record<string, unknown>;
  options: Record<string, unknown>;
  status: string;
  cursor: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const json = (v: unknown) => JSON.stringify(v);

export async function insertImport(tx: Tx, v: { tenantId: string; id: string; object: string; fileName: string; createdBy: string | null }): Promise<void> {
  await sql`insert into imports (tenant_id, id, object, file_name, format, encoding, created_by, status)
    values (${v.tenantId}, ${v.id}, ${v.object}, ${v.fileName}, 'csv', 'utf-8', ${v.createdBy}, 'uploading')`.execute(tx);
}

export async function findImport(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ImportRow | undefined> {
  const { rows } = await sql<ImportRow>`select * from imports where id = ${id} ${options.lock ? sql`for update` : sql``}`.execute(tx);
  return rows[0];
}

export async function listImports(tx: Tx, createdBy: string | null, limit: number): Promise<ImportRow[]> {
  const { rows } =
    await sql<ImportRow>`select * from imports where (${createdBy}::uuid is null or created_by = ${createdBy}) order by created_at desc limit ${limit}`.execute(
      tx,
    );
  return rows;
}

/** Sets the given columns (jsonb values serialized here). */
export async function updateImport(tx: Tx, id: string, values: Partial<Record<keyof ImportRow, unknown>>): Promise<void> {
  const sets = Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v !== null && typeof v === 'object' && !(v instanceof Date) ? json(v) : v}`);
  await sql`update imports set ${sql.join([...sets, sql`updated_at = now()`])} where id = ${id}`.execute(tx);
}

export async function addProgress(tx: Tx, id: string, p: { cursor: number; created: number; updated: number; skipped: number; failed: number }): Promise<void> {
  await sql`update imports set cursor = ${p.cursor}, created = created + ${p.created}, updated = updated + ${p.updated},
    skipped = skipped + ${p.skipped}, failed = failed + ${p.failed}, updated_at = now() where id = ${id}`.execute(tx);
}

export async function insertChunk(tx: Tx, tenantId: string, importId: string, seq: number, data: Buffer): Promise<void> {
  await sql`insert into import_chunks (tenant_id, import_id, seq, data) values (${tenantId}, ${importId}, ${seq}, ${data})`.execute(tx);
}

export async function readChunk(tx: Tx, importId: string, seq: number): Promise<Buffer | undefined> {
  const { rows } = await sql<{ data: Uint8Array }>`select data from import_chunks where import_id = ${importId} and seq = ${seq}`.execute(tx);
  return rows[0] ? Buffer.from(rows[0].data) : undefined;
}

export type RowError = { rowNumber: number; field: string | null; message: string; params?: Record<string, unknown> | undefined; raw: string[] };

export async function insertErrors(tx: Tx, tenantId: string, importId: string, errors: RowError[]): Promise<void> {
  if (!errors.length) return;
  const values = errors.map((e, i) => sql`(${tenantId}, ${importId}, ${e.rowNumber}, ${i}, ${e.field}, ${e.message}, ${json(e.params ?? {})}, ${json(e.raw)})`);
  await sql`insert into import_errors (tenant_id, import_id, row_number, seq, field, message, params, raw) values ${sql.join(values)}
    on conflict do nothing`.execute(tx);
}

export type ErrorRow = { row_number: number; seq: number; field: string | null; message: string; params: Record<string, unknown>; raw: string[] };

/** A keyset page of errors after (row, seq). */
export async function listErrors(tx: Tx, importId: string, after: { row: number; seq: number }, limit: number): Promise<ErrorRow[]> {
  const { rows } = await sql<ErrorRow>`select row_number, seq, field, message, params, raw from import_errors
    where import_id = ${importId} and (row_number, seq) > (${after.row}, ${after.seq}) order by row_number, seq limit ${limit}`.execute(tx);
  return rows;
}

export async function deleteImport(tx: Tx, id: string): Promise<void> {
  await sql`delete from imports where id = ${id}`.execute(tx);
}

/**
 * A running import's lease: its worker renews `updated_at` with every batch and a heartbeat every
 * few seconds; one not renewed for this long has lost its worker (killed) and is resumed.
 */
export const LEASE_SECONDS = 30;

/** Imports waiting for a worker, across tenants (the sweep runs as the owner role); `lease` names a lapsed lease. */
export async function pendingImports(tx: Tx): Promise<{ tenant_id: string; id: string; status: string; lease: string }[]> {
  const { rows } = await sql<{ tenant_id: string; id: string; status: string; lease: string }>`
    select tenant_id, id, status, cast(extract(epoch from updated_at) as bigint)::text as lease from imports
    where status in ('queued', 'rolling_back') or (status = 'running' and updated_at < now() - make_interval(secs => ${LEASE_SECONDS}))`.execute(tx);
  return rows;
}

/** Renews a running import's lease (the heartbeat). */
export async function renewLease(tx: Tx, id: string): Promise<void> {
  await sql`update imports set updated_at = now() where id = ${id} and status = 'running'`.execute(tx);
}

/** Gives a running import's lease up at once (a worker stopping cleanly), so the next sweep resumes it. */
export async function releaseLease(tx: Tx, id: string): Promise<void> {
  await sql`update imports set updated_at = now() - make_interval(secs => ${LEASE_SECONDS * 2}) where id = ${id} and status = 'running'`.execute(tx);
}

/** Refreshes the planner's statistics of a table (outside any transaction; needs the table owner). */
export async function analyzeTable(db: Kysely<DB>, table: string): Promise<void> {
  await sql`analyze ${sql.table(table)}`.execute(db);
}
