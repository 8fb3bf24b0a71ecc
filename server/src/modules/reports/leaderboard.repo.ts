import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { type Bounds, ownerCondition, pipelineCondition, within } from './reports.repo.ts';

export type LeaderboardRowDb = {
  owner_id: string;
  owner_name: string;
  team_id: string | null;
  team_name: string | null;
  won_amount: string;
  won_deals: number;
  activities: number;
  calls: number;
  meetings: number;
  emails: number;
  notes: number;
  tasks_done: number;
  unconverted: number;
};

export type LeaderboardQuery = Bounds & {
  /** Users listed (the deal read scope and filters); null for all. */
  owners: string[] | null;
  /** Owners whose activities the viewer may count; null for all. */
  activityOwners: string[] | null;
  pipelineId: string | undefined;
};

/**
 * One row per user in scope: won amount and deals (won in the period), and activities that
 * happened in it (tasks count when done). Inactive users show only when they have figures.
 */
export async function leaderboardRows(tx: Tx, q: LeaderboardQuery): Promise<LeaderboardRowDb[]> {
  const { rows } = await sql<LeaderboardRowDb>`
    with won as (
      select owner_id, coalesce(sum(amount_base), 0) as amount, count(*)::int as deals,
        count(*) filter (where amount_base is null)::int as unconverted
      from deals
      where deleted_at is null and status = 'won' and ${within('won_at', q)}
        and ${ownerCondition('owner_id', q.owners)} and ${pipelineCondition('pipeline_id', q.pipelineId)}
      group by owner_id
    ), acts as (
      select owner_id, count(*)::int as total,
        count(*) filter (where type = 'call')::int as calls,
        count(*) filter (where type = 'meeting')::int as meetings,
        count(*) filter (where type = 'email')::int as emails,
        count(*) filter (where type = 'note')::int as notes,
        count(*) filter (where type = 'task')::int as tasks_done
      from activities
      where deleted_at is null and ${ownerCondition('owner_id', q.owners)} and ${ownerCondition('owner_id', q.activityOwners)}
        and ((type <> 'task' and ${within('occurred_at', q)} and occurred_at <= now()) or (type = 'task' and ${within('done_at', q)}))
      group by owner_id
    )
    select u.id as owner_id, u.name as owner_name, t.id as team_id, t.name as team_name,
      round(coalesce(won.amount, 0), 2)::text as won_amount, coalesce(won.deals, 0) as won_deals,
      coalesce(won.unconverted, 0) as unconverted,
      coalesce(acts.total, 0) as activities, coalesce(acts.calls, 0) as calls, coalesce(acts.meetings, 0) as meetings,
      coalesce(acts.emails, 0) as emails, coalesce(acts.notes, 0) as notes, coalesce(acts.tasks_done, 0) as tasks_done
    from users u
    left join teams t on t.id = u.team_id
    left join won on won.owner_id = u.id
    left join acts on acts.owner_id = u.id
    where ${ownerCondition('u.id', q.owners)} and (u.is_active or won.owner_id is not null or acts.owner_id is not null)
    order by coalesce(won.amount, 0) desc, coalesce(acts.total, 0) desc, u.name`.execute(tx);
  return rows;
}
