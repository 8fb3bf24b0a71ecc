import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** The users of a team and every team below it; undefined when the team does not exist. */
export async function teamMemberIds(tx: Tx, teamId: string): Promise<string[] | undefined> {
  const { rows } = await sql<{ found: boolean; ids: string[] }>`
    with recursive subtree as (
      select id from teams where id = ${teamId}
      union
      select t.id from teams t join subtree s on t.parent_id = s.id
    )
    select exists (select 1 from subtree) as found,
      array(select u.id::text from users u where u.team_id in (select id from subtree)) as ids`.execute(tx);
  const row = rows[0];
  return row?.found ? row.ids : undefined;
}

export type ReportSettings = { timezone: string; baseCurrency: string };

/** The tenant's zone (months and days are cut in it) and the currency every sum is in. */
export async function reportSettings(tx: Tx): Promise<ReportSettings> {
  const { rows } = await sql<ReportSettings>`
    select timezone, base_currency as "baseCurrency" from tenants where id = nullif(current_setting('app.tenant', true), '')::uuid`.execute(tx);
  return rows[0] ?? { timezone: 'UTC', baseCurrency: 'CNY' };
}

/** `owner_id = any(owners)` when limited, `true` for every owner. */
export const ownerCondition = (column: string, owners: string[] | null) =>
  owners === null ? sql`true` : sql`${sql.ref(column)} = any(${sql`cast(${owners} as uuid[])`})`;

export type Bounds = { from: string; to: string; timezone: string };

/** [start, end) of the period as instants: midnight of `from` to midnight after `to`, in the tenant's zone. */
export const periodStart = (b: Bounds) => sql`(cast(${b.from} as date)::timestamp at time zone ${b.timezone})`;
export const periodEnd = (b: Bounds) => sql`((cast(${b.to} as date) + 1)::timestamp at time zone ${b.timezone})`;
export const within = (column: string, b: Bounds) => sql`(${sql.ref(column)} >= ${periodStart(b)} and ${sql.ref(column)} < ${periodEnd(b)})`;

/** `pipeline_id = id` when filtered, `true` otherwise. */
export const pipelineCondition = (column: string, pipelineId: string | undefined) => (pipelineId ? sql`${sql.ref(column)} = ${pipelineId}` : sql`true`);
