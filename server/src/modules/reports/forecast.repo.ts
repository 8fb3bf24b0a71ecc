import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { type Bounds, ownerCondition, pipelineCondition, within } from './reports.repo.ts';

export type ForecastRowDb = {
  /** Which rollup the row is: a month, an owner, a team, or the grand total. */
  level: 'month' | 'owner' | 'team' | 'total';
  month: string | null;
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  pipeline: string;
  best_case: string;
  commit: string;
  closed: string;
  weighted: string;
  open_amount: string;
  forecast: string;
  open_deals: number;
  won_deals: number;
  unconverted: number;
};

export type ForecastQuery = Bounds & { owners: string[] | null; pipelineId: string | undefined };

const money = (expr: string) => sql.raw(`round(coalesce(${expr}, 0), 2)::text`);

/**
 * Open deals expected to close in the period (by expected close month) and deals won in it
 * (by won month, in the tenant's zone), rolled up in SQL numeric by month, owner, team and in
 * total with grouping sets. Deals whose category is `omitted` stay out; open deals marked
 * `closed` count as commit. Deals without a base amount (no rate yet) are only counted.
 */
export async function forecastRows(tx: Tx, q: ForecastQuery): Promise<ForecastRowDb[]> {
  const { rows } = await sql<ForecastRowDb>`
    with f as (
      select d.owner_id, u.team_id, d.status, d.amount_base,
        case when d.status = 'open' and d.forecast_category = 'closed' then 'commit' else d.forecast_category end as category,
        case when d.status = 'won' then 0 else d.amount_base * d.probability / 100 end as weighted,
        to_char(case when d.status = 'won' then (d.won_at at time zone ${q.timezone})::date else d.expected_close_date end, 'YYYY-MM') as month
      from deals d
      left join users u on u.id = d.owner_id
      where d.deleted_at is null and ${ownerCondition('d.owner_id', q.owners)} and ${pipelineCondition('d.pipeline_id', q.pipelineId)}
        and (
          (d.status = 'open' and d.forecast_category <> 'omitted'
            and d.expected_close_date between cast(${q.from} as date) and cast(${q.to} as date))
          or (d.status = 'won' and ${within('d.won_at', q)})
        )
    )
    select
      case when grouping(f.month) = 0 then 'month' when grouping(f.owner_id) = 0 then 'owner'
        when grouping(f.team_id) = 0 then 'team' else 'total' end as level,
      f.month, f.owner_id, ou.name as owner_name, f.team_id, t.name as team_name,
      ${money(`sum(amount_base) filter (where status = 'open' and category = 'pipeline')`)} as pipeline,
      ${money(`sum(amount_base) filter (where status = 'open' and category = 'best_case')`)} as best_case,
      ${money(`sum(amount_base) filter (where status = 'open' and category = 'commit')`)} as commit,
      ${money(`sum(amount_base) filter (where status = 'won')`)} as closed,
      ${money(`sum(weighted)`)} as weighted,
      ${money(`sum(amount_base) filter (where status = 'open')`)} as open_amount,
      ${money(`sum(case when status = 'won' then amount_base else weighted end)`)} as forecast,
      (count(*) filter (where status = 'open'))::int as open_deals,
      (count(*) filter (where status = 'won'))::int as won_deals,
      (count(*) filter (where amount_base is null))::int as unconverted
    from f
    left join users ou on ou.id = f.owner_id
    left join teams t on t.id = f.team_id
    group by grouping sets ((f.month), (f.owner_id, ou.name, f.team_id, t.name), (f.team_id, t.name), ())
    order by level, f.month, sum(case when status = 'won' then amount_base else weighted end) desc nulls last, ou.name, t.name`.execute(tx);
  return rows;
}
