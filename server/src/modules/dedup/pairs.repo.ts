import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type ScoredPair = { a: string; b: string; score: number; evidence: unknown };

/** Stores suggestions; a pair a user dismissed or merged keeps its decision. */
export async function upsertPairs(tx: Tx, tenantId: string, object: string, pairs: ScoredPair[]): Promise<void> {
  if (!pairs.length) return;
  await sql`insert into dedup_pairs (tenant_id, object, record_a, record_b, score, evidence)
    select ${tenantId}::uuid, ${object}, a, b, s, e from unnest(${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[],
      ${pairs.map((p) => p.score)}::real[], ${pairs.map((p) => JSON.stringify(p.evidence))}::jsonb[]) as t(a, b, s, e)
    on conflict (tenant_id, object, record_a, record_b) do update set score = excluded.score, evidence = excluded.evidence, detected_at = now()
    where dedup_pairs.status = 'open'`.execute(tx);
}

/** Open suggestions that no longer reach the threshold (the records changed) are withdrawn. */
export async function dropOpenPairs(tx: Tx, object: string, pairs: [string, string][]): Promise<void> {
  if (!pairs.length) return;
  await sql`delete from dedup_pairs where object = ${object} and status = 'open'
    and (record_a, record_b) in (select * from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]))`.execute(tx);
}

export async function openPairsOf(tx: Tx, object: string, recordIds: string[] | null): Promise<{ a: string; b: string; cluster: string | null }[]> {
  const { rows } = await sql<{ a: string; b: string; cluster: string | null }>`
    select record_a as a, record_b as b, cluster_id as cluster from dedup_pairs where object = ${object} and status = 'open'
    ${recordIds ? sql`and (record_a = any(${recordIds}::uuid[]) or record_b = any(${recordIds}::uuid[]) or cluster_id in (select cluster_id from dedup_pairs where object = ${object} and status = 'open' and (record_a = any(${recordIds}::uuid[]) or record_b = any(${recordIds}::uuid[]))))` : sql``}`.execute(
    tx,
  );
  return rows;
}

/** Writes each open pair's cluster (the smallest record id of its connected component). */
export async function setClusters(tx: Tx, object: string, pairs: { a: string; b: string }[], cluster: Map<string, string>): Promise<void> {
  const changed = pairs.map((p) => ({ ...p, c: cluster.get(p.a) as string }));
  for (let i = 0; i < changed.length; i += 5000) {
    const chunk = changed.slice(i, i + 5000);
    await sql`update dedup_pairs p set cluster_id = t.c from unnest(${chunk.map((p) => p.a)}::uuid[], ${chunk.map((p) => p.b)}::uuid[], ${chunk.map((p) => p.c)}::uuid[]) as t(a, b, c)
      where p.object = ${object} and p.record_a = t.a and p.record_b = t.b and p.cluster_id is distinct from t.c`.execute(tx);
  }
}

/** Marks pairs decided: dismissed ("not a duplicate") or merged. Returns how many changed. */
export async function decidePairs(tx: Tx, object: string, pairs: [string, string][], status: 'dismissed' | 'merged', userId: string | null): Promise<number> {
  if (!pairs.length) return 0;
  const { rows } = await sql<{ n: number }>`with t as (
      update dedup_pairs set status = ${status}, decided_at = now(), decided_by = ${userId}, cluster_id = null
      where object = ${object} and status = 'open' and (record_a, record_b) in (select * from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]))
      returning 1) select count(*)::int as n from t`.execute(tx);
  return rows[0]?.n ?? 0;
}

/** Pairs touching a merged-away record are settled by the merge (the record is gone). */
export async function settlePairsOf(tx: Tx, object: string, recordId: string, userId: string | null): Promise<void> {
  await sql`update dedup_pairs set status = 'merged', decided_at = now(), decided_by = ${userId}, cluster_id = null
    where object = ${object} and status = 'open' and (record_a = ${recordId} or record_b = ${recordId})`.execute(tx);
}

/** After an unmerge the two records are known not to be one: remembered like "not a duplicate". */
export async function dismissPair(tx: Tx, tenantId: string, object: string, a: string, b: string, userId: string | null): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await sql`insert into dedup_pairs (tenant_id, object, record_a, record_b, score, status, decided_at, decided_by)
    values (${tenantId}, ${object}, ${x}, ${y}, 0, 'dismissed', now(), ${userId})
    on conflict (tenant_id, object, record_a, record_b) do update set status = 'dismissed', decided_at = now(), decided_by = ${userId}, cluster_id = null`.execute(
    tx,
  );
}

export type ClusterPairRow = { cluster_id: string; a: string; b: string; score: number; evidence: unknown; top: number };

/**
 * A page of open clusters, best first, with their pairs; only pairs whose two records are live
 * and inside the reader's scope (`owners` null = all).
 */
export async function openClusters(
  tx: Tx,
  table: string,
  object: string,
  owners: string[] | null,
  after: { top: number; id: string } | null,
  limit: number,
): Promise<ClusterPairRow[]> {
  const own = (alias: string) => (owners ? sql`and ${sql.ref(`${alias}.owner_id`)} = any(${owners}::uuid[])` : sql``);
  const { rows } = await sql<ClusterPairRow>`
    with visible as (
      select p.* from dedup_pairs p
      join ${sql.table(table)} ra on ra.id = p.record_a and ra.deleted_at is null ${own('ra')}
      join ${sql.table(table)} rb on rb.id = p.record_b and rb.deleted_at is null ${own('rb')}
      where p.object = ${object} and p.status = 'open' and p.cluster_id is not null),
    tops as (select cluster_id, max(score) as top from visible group by cluster_id
      ${after ? sql`having (max(score), cluster_id) < (${after.top}::real, ${after.id}::uuid)` : sql``}
      order by top desc, cluster_id desc limit ${limit})
    select v.cluster_id, v.record_a as a, v.record_b as b, v.score, v.evidence, t.top
    from visible v join tops t using (cluster_id) order by t.top desc, v.cluster_id desc, v.score desc`.execute(tx);
  return rows;
}

export async function countOpen(tx: Tx, table: string, object: string, owners: string[] | null): Promise<number> {
  const own = (alias: string) => (owners ? sql`and ${sql.ref(`${alias}.owner_id`)} = any(${owners}::uuid[])` : sql``);
  const { rows } = await sql<{ n: number }>`select count(distinct p.cluster_id)::int as n from dedup_pairs p
    join ${sql.table(table)} ra on ra.id = p.record_a and ra.deleted_at is null ${own('ra')}
    join ${sql.table(table)} rb on rb.id = p.record_b and rb.deleted_at is null ${own('rb')}
    where p.object = ${object} and p.status = 'open'`.execute(tx);
  return rows[0]?.n ?? 0;
}

export async function clusterPairs(tx: Tx, object: string, clusterId: string): Promise<{ a: string; b: string }[]> {
  const { rows } = await sql<{
    a: string;
    b: string;
  }>`select record_a as a, record_b as b from dedup_pairs where object = ${object} and status = 'open' and cluster_id = ${clusterId}`.execute(tx);
  return rows;
}
