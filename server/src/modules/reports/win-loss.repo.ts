import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { type Bounds, ownerCondition, pipelineCondition, within } from './reports.repo.ts';

export type WinLossQuery = Bounds & { owners: string[] | null; pipelineId: string | undefined };

export type WinLossRowDb = {
  level: 'owner' | 'total';
  owner_id: string | null;
  owner_name: string | null;
  won: number;
  lost: number;
  won_amount: string;
  lost_amount: string;
  avg_cycle_days: string | null;
  median_cycle_days: string | null;
  unconverted: number;
};

/** Deals closed (won or lost) in the period, in scope. */
const closed = (q: WinLossQuery) => sql`
  select d.* from deals d
  where d.deleted_at is null and d.status in ('won', 'lost') and ${within('d.closed_at', q)}
    and ${ownerCondition('d.owner_id', q.owners)} and ${pipelineCondition('d.pipeline_id', q.pipelineId)}`;

/**
 * Won and lost counts and amounts of the deals closed in the period, with the sales cycle of
 * the won ones (creation to won, in days), per owner and in total.
 */
export async function winLossRows(tx: Tx, q: WinLossQuery): Promise<WinLossRowDb[]> {
  const { rows } = await sql<WinLossRowDb>`
    with c as (${closed(q)}), w as (
      select c.*, extract(epoch from (c.won_at - c.created_at)) / 86400.0 as cycle from c
    )
    select case when grouping(w.owner_id) = 0 then 'owner' else 'total' end as level,
      w.owner_id, u.name as owner_name,
      (count(*) filter (where status = 'won'))::int as won,
      (count(*) filter (where status = 'lost'))::int as lost,
      round(coalesce(sum(amount_base) filter (where status = 'won'), 0), 2)::text as won_amount,
      round(coalesce(sum(amount_base) filter (where status = 'lost'), 0), 2)::text as lost_amount,
      round(avg(cycle) filter (where status = 'won'), 1)::text as avg_cycle_days,
      round((percentile_cont(0.5) within group (order by cycle) filter (where status = 'won'))::numeric, 1)::text as median_cycle_days,
      (count(*) filter (where amount_base is null))::int as unconverted
    from w left join users u on u.id = w.owner_id
    group by grouping sets ((w.owner_id, u.name), ())
    order by level, round(coalesce(sum(amount_base) filter (where status = 'won'), 0), 2) desc, u.name`.execute(tx);
  return rows;
}

export type LostReasonRowDb = { reason: string | null; deals: number; amount: string };

/** Lost deals closed in the period by reason, most frequent first. */
export async function lostReasonRows(tx: Tx, q: WinLossQuery): Promise<LostReasonRowDb[]> {
  const { rows } = await sql<LostReasonRowDb>`
    with c as (${closed(q)})
    select lost_reason as reason, count(*)::int as deals, round(coalesce(sum(amount_base), 0), 2)::text as amount
    from c where status = 'lost'
    group by lost_reason
    order by count(*) desc, sum(amount_base) desc nulls last, lost_reason`.execute(tx);
  return rows;
}
