import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { type Bounds, ownerCondition, within } from './reports.repo.ts';

export type PipelineRef = { id: string; name: { zh?: string; en?: string } };

/** The pipeline asked for, else the default one (else the first); undefined when none exists. */
export async function funnelPipeline(tx: Tx, pipelineId: string | undefined): Promise<PipelineRef | undefined> {
  const { rows } = await sql<PipelineRef>`
    select id, name from pipelines
    where ${pipelineId ? sql`id = ${pipelineId}` : sql`true`}
    order by is_default desc, position, created_at limit 1`.execute(tx);
  return rows[0];
}

export type FunnelRowDb = {
  id: string;
  name: { zh?: string; en?: string };
  type: 'open' | 'won';
  probability: number;
  reached: number;
  entered: number;
  moved_on: number;
  current: number;
  lost_here: number;
  avg_days: string | null;
  reached_amount: string;
  cohort: number;
  unconverted: number;
};

export type FunnelQuery = Bounds & { owners: string[] | null; pipelineId: string };

/**
 * The cohort of deals created in the period in one pipeline, followed through its stages.
 * Open stages are steps in position order, won stages the last step; lost stages are not steps.
 * A deal's furthest step comes from its stage history and its current stage, so a deal that
 * skipped a stage still counts as having passed it.
 */
export async function funnelRows(tx: Tx, q: FunnelQuery): Promise<FunnelRowDb[]> {
  const { rows } = await sql<FunnelRowDb>`
    with st as (
      select s.id, s.name, s.type, s.probability, s.position,
        case when s.type = 'won'
          then (select count(*) from pipeline_stages o where o.pipeline_id = s.pipeline_id and o.type = 'open') + 1
          else row_number() over (partition by s.type order by s.position, s.id) end as step
      from pipeline_stages s where s.pipeline_id = ${q.pipelineId} and s.type <> 'lost'
    ), cohort as (
      select id, status, stage_id, amount_base from deals
      where deleted_at is null and pipeline_id = ${q.pipelineId} and ${within('created_at', q)} and ${ownerCondition('owner_id', q.owners)}
    ), touched as (
      select h.deal_id, h.to_stage_id as stage_id from deal_stage_history h join cohort c on c.id = h.deal_id
      where h.pipeline_id = ${q.pipelineId}
      union
      select id, stage_id from cohort
    ), reach as (
      select t.deal_id, max(st.step) as top from touched t join st on st.id = t.stage_id group by t.deal_id
    )
    select st.id, st.name, st.type, st.probability,
      (select count(*) from reach r where r.top >= st.step)::int as reached,
      (select count(distinct t.deal_id) from touched t where t.stage_id = st.id)::int as entered,
      (select count(*) from reach r where r.top > st.step)::int as moved_on,
      (select count(*) from cohort c where c.stage_id = st.id)::int as current,
      (select count(*) from cohort c join reach r on r.deal_id = c.id where c.status = 'lost' and r.top = st.step)::int as lost_here,
      (select round(avg(h.seconds_in_from) / 86400.0, 1)::text from deal_stage_history h join cohort c on c.id = h.deal_id
        where h.from_stage_id = st.id and h.seconds_in_from is not null) as avg_days,
      (select round(coalesce(sum(c.amount_base), 0), 2)::text from cohort c join reach r on r.deal_id = c.id where r.top >= st.step) as reached_amount,
      (select count(*) from cohort)::int as cohort,
      (select count(*) from cohort where amount_base is null)::int as unconverted
    from st order by st.step, st.position`.execute(tx);
  return rows;
}
