import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

export type MergeSnapshot = {
  survivorBefore: Row;
  survivorAfter: Row;
  mergedBefore: Row;
  moved: Record<string, string[]>;
};

export type MergeRow = {
  id: string;
  object: string;
  survivor_id: string;
  merged_id: string;
  snapshot: MergeSnapshot;
  created_by: string | null;
  created_at: Date;
  undone_at: Date | null;
  undone_by: string | null;
};

export async function insertMerge(
  tx: Tx,
  m: { tenantId: string; id: string; object: string; survivorId: string; mergedId: string; snapshot: MergeSnapshot; userId: string | null },
): Promise<void> {
  await sql`insert into dedup_merges (tenant_id, id, object, survivor_id, merged_id, snapshot, created_by)
    values (${m.tenantId}, ${m.id}, ${m.object}, ${m.survivorId}, ${m.mergedId}, ${JSON.stringify(m.snapshot)}, ${m.userId})`.execute(tx);
}

/** The merge, locked for this transaction (two undo clicks cannot both pass the check). */
export async function lockMerge(tx: Tx, id: string): Promise<MergeRow | undefined> {
  const { rows } = await sql<MergeRow>`select * from dedup_merges where id = ${id} for update`.execute(tx);
  return rows[0];
}

export async function markUndone(tx: Tx, id: string, userId: string | null): Promise<void> {
  await sql`update dedup_merges set undone_at = now(), undone_by = ${userId} where id = ${id}`.execute(tx);
}

export type MergeListRow = Omit<MergeRow, 'snapshot'> & { survivor_name: string | null; merged_name: string | null; moved: Record<string, string[]> };

export async function listMerges(
  tx: Tx,
  table: string,
  object: string,
  owners: string[] | null,
  before: string | null,
  limit: number,
): Promise<MergeListRow[]> {
  const { rows } = await sql<MergeListRow>`select m.id, m.object, m.survivor_id, m.merged_id, m.created_by, m.created_at, m.undone_at, m.undone_by,
      s.name as survivor_name, mm.name as merged_name, m.snapshot->'moved' as moved
    from dedup_merges m
    left join ${sql.table(table)} s on s.id = m.survivor_id
    left join ${sql.table(table)} mm on mm.id = m.merged_id
    where m.object = ${object} ${owners ? sql`and s.owner_id = any(${owners}::uuid[])` : sql``}
      ${before ? sql`and m.id < ${before}::uuid` : sql``}
    order by m.id desc limit ${limit}`.execute(tx);
  return rows;
}

/**
 * Writes a stored row image back (all writable columns), bumping the version; only when the
 * row is still at `expectedVersion`.
 */
export async function writeImage(
  tx: Tx,
  table: string,
  image: Record<string, unknown>,
  expectedVersion: number,
  userId: string | null,
): Promise<Row | undefined> {
  const { rows: cols } = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      and column_name not in ('tenant_id', 'id', 'created_at', 'created_by', 'version', 'updated_at', 'updated_by')`.execute(tx);
  const sets = cols.map((c) => sql`${sql.ref(c.column_name)} = b.${sql.ref(c.column_name)}`);
  const { rows } = await sql<Row>`update ${sql.table(table)} t set ${sql.join(sets)}, updated_by = ${userId}, version = t.version + 1, updated_at = now()
    from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(image)}::jsonb) b
    where t.id = ${image.id as string} and t.version = ${expectedVersion} returning t.*`.execute(tx);
  return rows[0];
}

/** A soft delete that marks the record as merged away. */
export async function softDelete(tx: Tx, table: string, id: string, version: number, userId: string | null): Promise<Row | undefined> {
  const { rows } = await sql<Row>`update ${sql.table(table)} set deleted_at = now(), updated_by = ${userId}, version = version + 1, updated_at = now()
    where id = ${id} and version = ${version} returning *`.execute(tx);
  return rows[0];
}

/** Which of these record tables holds this id, for a clear "different object" answer. */
export async function tableOf(tx: Tx, id: string, tables: string[]): Promise<string | null> {
  if (!tables.length) return null;
  const probes = tables.map((t) => sql`select ${t}::text as t from ${sql.table(t)} where id = ${id}`);
  const { rows } = await sql<{ t: string }>`${sql.join(probes, sql` union all `)} limit 1`.execute(tx);
  return rows[0]?.t ?? null;
}
