import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type StaleDeal = {
  tenant_id: string;
  id: string;
  name: string;
  owner_id: string;
  company_id: string | null;
  contact_id: string | null;
  stale_days: number;
  locale: string;
};

/** Since when nothing happened on an open deal: its creation, stage move, last activity or last reminder. */
const quietSince = sql`greatest(d.created_at, d.stage_entered_at, coalesce(d.last_activity_at, '-infinity'), coalesce(d.stale_reminded_at, '-infinity'))`;
const staleWhere = (now: Date) => sql`d.status = 'open' and d.deleted_at is null and d.owner_id is not null and p.closed_at is null
  and ${quietSince} < ${now}::timestamptz - make_interval(days => p.stale_days)`;

/** Candidates across tenants (read as the system); each is claimed again in its tenant's transaction. */
export async function findStaleDeals(tx: Tx, o: { now: Date; limit: number }): Promise<StaleDeal[]> {
  const { rows } = await sql<StaleDeal>`
    select d.tenant_id, d.id, d.name, d.owner_id, d.company_id, d.contact_id, p.stale_days, t.locale
    from deals d
    join pipelines p on p.tenant_id = d.tenant_id and p.id = d.pipeline_id
    join tenants t on t.id = d.tenant_id
    join users u on u.tenant_id = d.tenant_id and u.id = d.owner_id and u.is_active
    where ${staleWhere(o.now)}
    order by ${quietSince}
    limit ${o.limit}`.execute(tx);
  return rows;
}

/** Marks the reminder sent if the deal is still quiet; false when another runner or an activity got there first. */
export async function claimStale(tx: Tx, o: { id: string; now: Date }): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    update deals d set stale_reminded_at = ${o.now}
    from pipelines p
    where d.id = ${o.id} and p.tenant_id = d.tenant_id and p.id = d.pipeline_id and ${staleWhere(o.now)}
    returning d.id`.execute(tx);
  return rows.length > 0;
}

export type OverdueDeal = { tenant_id: string; id: string; name: string; owner_id: string | null; expected_close_date: string };

/**
 * Flags open deals whose expected close date has passed in the tenant's time zone, once
 * (overdue_at is cleared when the date moves on or the deal closes).
 */
export async function flagOverdue(tx: Tx, o: { now: Date; limit: number }): Promise<OverdueDeal[]> {
  const { rows } = await sql<OverdueDeal>`
    update deals d set overdue_at = ${o.now}
    from (
      select d2.tenant_id, d2.id from deals d2 join tenants t on t.id = d2.tenant_id
      where d2.status = 'open' and d2.deleted_at is null and d2.overdue_at is null
        and d2.expected_close_date < (${o.now}::timestamptz at time zone t.timezone)::date
      limit ${o.limit}
      for update of d2 skip locked
    ) due
    where d.tenant_id = due.tenant_id and d.id = due.id
    returning d.tenant_id, d.id, d.name, d.owner_id, d.expected_close_date::text as expected_close_date`.execute(tx);
  return rows;
}
