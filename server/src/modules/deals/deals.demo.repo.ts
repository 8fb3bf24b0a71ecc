import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/**
 * Moves a demo deal's life into the past: opened at `createdAt`, its stage changes spread evenly
 * up to `closedAt` (with the time spent in each stage), and won or lost then, so the forecast,
 * funnel and win/loss reports have months to show.
 */
export async function backdateDemoDeal(tx: Tx, o: { dealId: string; createdAt: Date; closedAt: Date }): Promise<void> {
  const span = (o.closedAt.getTime() - o.createdAt.getTime()) / 1000;
  await sql`
    with h as (
      select id, row_number() over (order by changed_at, id) as n, count(*) over () as total
      from deal_stage_history where deal_id = ${o.dealId}
    ), t as (
      select id, cast(${o.createdAt.toISOString()} as timestamptz) + make_interval(secs => ${span} * (n - 1) / greatest(total - 1, 1)) as at from h
    )
    update deal_stage_history d set changed_at = t.at from t where d.id = t.id`.execute(tx);
  await sql`
    with t as (
      select id, extract(epoch from changed_at - coalesce(lag(changed_at) over (order by changed_at, id), cast(${o.createdAt.toISOString()} as timestamptz))) as secs
      from deal_stage_history where deal_id = ${o.dealId}
    )
    update deal_stage_history d set seconds_in_from = cast(t.secs as bigint) from t where d.id = t.id and d.from_stage_id is not null`.execute(tx);
  const closed = sql`cast(${o.closedAt.toISOString()} as timestamptz)`;
  await sql`
    update deals set
      created_at = cast(${o.createdAt.toISOString()} as timestamptz), updated_at = ${closed}, stage_entered_at = ${closed},
      won_at = case when status = 'won' then ${closed} end,
      lost_at = case when status = 'lost' then ${closed} end,
      closed_at = case when status <> 'open' then ${closed} end
    where id = ${o.dealId}`.execute(tx);
}
