import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type RunRow = {
  id: string;
  object: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: 'keys' | 'pairs' | 'clusters';
  cursor: string | null;
  scanned: number;
  compared: number;
  found: number;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

export async function insertRun(tx: Tx, tenantId: string, id: string, object: string, userId: string | null): Promise<RunRow> {
  const { rows } =
    await sql<RunRow>`insert into dedup_runs (tenant_id, id, object, created_by) values (${tenantId}, ${id}, ${object}, ${userId}) returning *`.execute(tx);
  return rows[0] as RunRow;
}

export async function findRun(tx: Tx, id: string): Promise<RunRow | undefined> {
  const { rows } = await sql<RunRow>`select * from dedup_runs where id = ${id}`.execute(tx);
  return rows[0];
}

/** The run of this object still queued or running, if any (one at a time per object). */
export async function activeRun(tx: Tx, object: string): Promise<RunRow | undefined> {
  const { rows } =
    await sql<RunRow>`select * from dedup_runs where object = ${object} and status in ('queued', 'running') order by created_at desc limit 1`.execute(tx);
  return rows[0];
}

export async function recentRuns(tx: Tx, object: string, limit: number): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`select * from dedup_runs where object = ${object} order by created_at desc limit ${limit}`.execute(tx);
  return rows;
}

export async function saveRun(
  tx: Tx,
  id: string,
  patch: Partial<Pick<RunRow, 'status' | 'phase' | 'cursor' | 'scanned' | 'compared' | 'found' | 'error'>>,
): Promise<void> {
  await sql`update dedup_runs set
    status = coalesce(${patch.status ?? null}, status),
    phase = coalesce(${patch.phase ?? null}, phase),
    cursor = ${patch.cursor === undefined ? sql`cursor` : patch.cursor},
    scanned = scanned + ${patch.scanned ?? 0},
    compared = compared + ${patch.compared ?? 0},
    found = found + ${patch.found ?? 0},
    error = coalesce(${patch.error ?? null}, error),
    started_at = coalesce(started_at, now()),
    finished_at = case when ${patch.status ?? null} in ('done', 'failed') then now() else finished_at end
    where id = ${id}`.execute(tx);
}

/** Runs no worker finished (crash, or queued while jobs were off), for the sweep. */
export async function pendingRuns(tx: Tx): Promise<{ tenant_id: string; id: string }[]> {
  const { rows } = await sql<{
    tenant_id: string;
    id: string;
  }>`select tenant_id, id from dedup_runs where status in ('queued', 'running') and created_at < now() - interval '1 minute'`.execute(tx);
  return rows;
}
