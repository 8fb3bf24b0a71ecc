import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Pipelines, PipelineStages } from '#db/schema.ts';
import type { Selectable, Insertable, Updateable } from 'kysely';

export type PipelineRow = Selectable<Pipelines>;
export type StageRow = Selectable<PipelineStages>;

export const listPipelineRows = (tx: Tx) => tx.selectFrom('pipelines').selectAll().orderBy('position').orderBy('created_at').execute();

export const findPipelineRow = (tx: Tx, id: string, forUpdate = false) => {
  const q = tx.selectFrom('pipelines').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export const findDefaultPipelineRow = (tx: Tx) => tx.selectFrom('pipelines').selectAll().where('is_default', '=', true).executeTakeFirst();

export const listStageRows = (tx: Tx, pipelineIds: string[]) =>
  pipelineIds.length === 0
    ? Promise.resolve([] as StageRow[])
    : tx.selectFrom('pipeline_stages').selectAll().where('pipeline_id', 'in', pipelineIds).orderBy('position').orderBy('created_at').execute();

export const findStageRow = (tx: Tx, id: string) => tx.selectFrom('pipeline_stages').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPipelineRow = (tx: Tx, values: Insertable<Pipelines>) => tx.insertInto('pipelines').values(values).returningAll().executeTakeFirstOrThrow();

export const insertStageRow = (tx: Tx, values: Insertable<PipelineStages>) =>
  tx.insertInto('pipeline_stages').values(values).returningAll().executeTakeFirstOrThrow();

/** Optimistic update: undefined when the version moved on. */
export const updatePipelineRow = (tx: Tx, id: string, version: number, values: Updateable<Pipelines>) =>
  tx
    .updateTable('pipelines')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const updateStageRow = (tx: Tx, id: string, version: number, values: Updateable<PipelineStages>) =>
  tx
    .updateTable('pipeline_stages')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export async function deletePipelineRow(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('pipeline_stages').where('pipeline_id', '=', id).execute();
  await tx.deleteFrom('pipelines').where('id', '=', id).execute();
}

export const deleteStageRow = (tx: Tx, id: string) => tx.deleteFrom('pipeline_stages').where('id', '=', id).execute();

export async function setPipelinePositions(tx: Tx, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) await tx.updateTable('pipelines').set({ position: i }).where('id', '=', id).execute();
}

export async function setStagePositions(tx: Tx, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) await tx.updateTable('pipeline_stages').set({ position: i }).where('id', '=', id).execute();
}

export async function clearDefault(tx: Tx): Promise<void> {
  await tx.updateTable('pipelines').set({ is_default: false }).where('is_default', '=', true).execute();
}

/** Deals (live or in the recycle bin) and history rows that still point at a stage or pipeline. */
export async function stageUse(tx: Tx, o: { stageId?: string; pipelineId?: string }): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from deals where ${o.stageId ? sql`stage_id = ${o.stageId}` : sql`pipeline_id = ${o.pipelineId}`})::int
      + (select count(*) from deal_stage_history where ${
        o.stageId ? sql`to_stage_id = ${o.stageId} or from_stage_id = ${o.stageId}` : sql`pipeline_id = ${o.pipelineId}`
      })::int as n`.execute(tx);
  return rows[0]?.n ?? 0;
}

/** The user's team and every team above it: a pipeline given to a team is visible to its sub-teams. */
export async function teamChainOf(tx: Tx, userId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive chain as (
      select t.id, t.parent_id from teams t join users u on u.team_id = t.id where u.id = ${userId}
      union all
      select t.id, t.parent_id from teams t join chain c on t.id = c.parent_id
    )
    select id from chain`.execute(tx);
  return rows.map((r) => r.id);
}

/** Serializes the lazy creation of a tenant's default pipeline (two first requests at once). */
export async function lockPipelines(tx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`kehu.pipelines.${tenantId}`}))`.execute(tx);
}
