import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { SlaPolicy } from './sla.rules.ts';

const policies = (tx: Tx) =>
  tx
    .selectFrom('ticket_sla_policies')
    .select([
      'id',
      'priority',
      'category',
      'customer_tier',
      'first_response_minutes',
      'resolution_minutes',
      'warn_before_minutes',
      'calendar_id',
      'escalate_to_manager',
      'escalate_priority',
    ]);

type PolicyRow = Awaited<ReturnType<ReturnType<typeof policies>['execute']>>[number];
const toPolicy = (r: PolicyRow): SlaPolicy => ({
  id: r.id,
  priority: r.priority,
  category: r.category,
  customerTier: r.customer_tier,
  firstResponseMinutes: r.first_response_minutes,
  resolutionMinutes: r.resolution_minutes,
  warnBeforeMinutes: r.warn_before_minutes,
  calendarId: r.calendar_id,
  escalateToManager: r.escalate_to_manager,
  escalatePriority: r.escalate_priority,
});

/** The tenant's active SLA policies, oldest first (ties in specificity go to the older). */
export async function activePolicies(tx: Tx): Promise<SlaPolicy[]> {
  const rows = await policies(tx).where('deleted_at', 'is', null).where('active', '=', true).orderBy('created_at').orderBy('id').execute();
  return rows.map(toPolicy);
}

/** A policy by id, even if since deactivated (a ticket keeps the targets it was given). */
export async function findPolicy(tx: Tx, id: string): Promise<SlaPolicy | undefined> {
  const row = await policies(tx).where('id', '=', id).executeTakeFirst();
  return row && toPolicy(row);
}

/** The tier of the ticket's company (what a policy's customer tier matches). */
export async function companyTier(tx: Tx, companyId: string | null): Promise<string | null> {
  if (!companyId) return null;
  const row = await tx.selectFrom('companies').select('tier').where('id', '=', companyId).executeTakeFirst();
  return row?.tier ?? null;
}

/** The nearest active manager above a user (their team's, else a parent team's), never the user. */
export async function managerOf(tx: Tx, userId: string): Promise<string | null> {
  const { rows } = await sql<{ manager_id: string }>`
    with recursive up as (
      select t.parent_id, t.manager_id, 0 as depth from teams t join users u on u.tenant_id = t.tenant_id and u.team_id = t.id where u.id = ${userId}
      union all
      select t.parent_id, t.manager_id, up.depth + 1 from teams t join up on t.id = up.parent_id where up.depth < 20
    )
    select up.manager_id from up join users m on m.id = up.manager_id and m.is_active
    where up.manager_id <> ${userId} order by up.depth limit 1`.execute(tx);
  return rows[0]?.manager_id ?? null;
}

export type SlaDueRow = {
  tenant_id: string;
  id: string;
  number: string;
  name: string;
  assignee_id: string | null;
  owner_id: string | null;
  first_response_at: Date | null;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  sla_warned_at: Date | null;
  warn_before_minutes: number;
  escalate_to_manager: boolean;
  escalate_priority: boolean;
};

/**
 * Open, unpaused, unbreached tickets (every tenant: the system pass) whose next due time is within
 * their policy's warning window of `now`, not yet warned or already due: what the timer announces.
 */
export async function dueForAnnouncement(tx: Tx, o: { now: Date; limit: number }): Promise<SlaDueRow[]> {
  const { rows } = await sql<SlaDueRow>`
    select t.tenant_id, t.id, t.number, t.name, t.assignee_id, t.owner_id, t.first_response_at, t.first_response_due_at,
      t.resolution_due_at, t.sla_warned_at, p.warn_before_minutes, p.escalate_to_manager, p.escalate_priority
    from tickets t join ticket_sla_policies p on p.tenant_id = t.tenant_id and p.id = t.sla_policy_id
    where t.deleted_at is null and t.sla_breached_at is null and t.sla_paused_at is null and t.status not in ('resolved', 'closed')
      and coalesce(case when t.first_response_at is null then t.first_response_due_at end, t.resolution_due_at)
        <= ${o.now}::timestamptz + make_interval(mins => p.warn_before_minutes)
      and (t.sla_warned_at is null or coalesce(case when t.first_response_at is null then t.first_response_due_at end, t.resolution_due_at) <= ${o.now})
    order by t.tenant_id, t.id limit ${o.limit}`.execute(tx);
  return rows;
}

/** Marks the warning or the breach, once: false when another pass got there first. */
export async function markSla(tx: Tx, o: { id: string; what: 'warned' | 'breached'; at: Date }): Promise<boolean> {
  const column = o.what === 'warned' ? 'sla_warned_at' : 'sla_breached_at';
  const res = await tx
    .updateTable('tickets')
    .set({ [column]: o.at })
    .where('id', '=', o.id)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
