import type { Database } from '#db/database.ts';
import { inSystem, inTenant } from '#db/tx.ts';
import { leadDefinition } from '#modules/leads/index.ts';
import { ownerLimit, requireAccess, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { assignInTx, giveLead, systemAssign } from './assign.service.ts';
import { assignmentErrors } from './assignment.errors.ts';
import * as repo from './assignment.repo.ts';
import type { TAssignResult, TQueueEntry } from './assignment.schema.ts';

export const QUEUE_JOB = 'lead-assignment-queue';

type AssignLeadOptions = { deps: Deps; ctx: RequestContext; leadId: string; userId?: string | undefined; bulk?: boolean };

/**
 * On demand, with update access on the lead: to a named user (who must be active and, below
 * scope `all`, in the caller's team), or through the rules when no user is named.
 */
export async function assignLead(o: AssignLeadOptions): Promise<TAssignResult> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const lead = await loadVisible({ tx, ctx, def: leadDefinition, id: o.leadId, action: 'update' });
    const trigger = o.bulk ? 'bulk' : 'manual';
    if (!o.userId) return assignInTx(tx, { ctx, leadId: o.leadId, trigger });
    if ((await repo.activeUserIds(tx, [o.userId])).length === 0) throw assignmentErrors.badReference('userId', 'user');
    const limit = ownerLimit(ctx.access, requireAccess(ctx.access, 'lead', 'update'));
    if (limit !== null && !limit.includes(o.userId)) throw assignmentErrors.forbidden();
    if (lead.owner_id === o.userId) return { leadId: o.leadId, outcome: 'assigned', userId: o.userId, ruleId: null, reason: null };
    await giveLead(tx, { ctx, lead, userId: o.userId, ruleId: null, method: 'manual', trigger, now: new Date() });
    return { leadId: o.leadId, outcome: 'assigned', userId: o.userId, ruleId: null, reason: null };
  });
}

/** Each lead in its own transaction: one lead the caller may not touch does not undo the others. */
export async function assignMany(o: Omit<AssignLeadOptions, 'leadId'> & { ids: string[] }) {
  const data = [];
  for (const leadId of [...new Set(o.ids)]) {
    try {
      data.push({ ...(await assignLead({ ...o, leadId, bulk: true })), error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 400;
      data.push({ leadId, outcome: 'skipped' as const, userId: null, ruleId: null, reason: error.code, error: { status, title: error.code } });
    }
  }
  return { data };
}

export type ListQueueOptions = { deps: Deps; ctx: RequestContext };
/** The fallback queue as the caller may see it (leads without an owner need scope `all`). */
export async function listQueue({ deps, ctx }: ListQueueOptions): Promise<TQueueEntry[]> {
  const scope = requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) =>
    (await repo.listQueue(tx, ownerLimit(ctx.access, scope), 500)).map((r) => ({
      leadId: r.lead_id,
      name: r.name,
      companyName: r.company_name,
      region: r.region,
      source: r.source,
      score: r.score,
      scoreBand: r.band,
      reason: r.reason,
      ruleId: r.rule_id,
      queuedAt: r.queued_at.toISOString(),
      attempts: r.attempts,
    })),
  );
}

export type AssignmentHistoryOptions = { deps: Deps; ctx: RequestContext; leadId: string };
export async function assignmentHistory({ deps, ctx, leadId }: AssignmentHistoryOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx, def: leadDefinition, id: leadId, action: 'read' });
    return (await repo.assignmentLog(tx, leadId)).map((r) => ({
      id: r.id,
      userId: r.user_id,
      userName: r.user_name,
      previousOwnerId: r.previous_owner_id,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      method: r.method,
      trigger: r.trigger,
      assignedAt: r.assigned_at.toISOString(),
    }));
  });
}

export type RecentAssignmentsOptions = { deps: Deps; ctx: RequestContext };
/** The latest assignments, for the managers' view beside the queue. */
export async function recentAssignments({ deps, ctx }: RecentAssignmentsOptions) {
  const scope = requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) =>
    (await repo.recentAssignments(tx, ownerLimit(ctx.access, scope), 50)).map((r) => ({
      id: r.id,
      leadId: r.lead_id,
      leadName: r.lead_name,
      userId: r.user_id,
      userName: r.user_name,
      ruleName: r.rule_name,
      method: r.method,
      trigger: r.trigger,
      assignedAt: r.assigned_at.toISOString(),
      score: r.score,
      scoreBand: r.band,
    })),
  );
}

/** The hourly job: queued leads get another try (someone is back, a working day began, a rule changed). */
export async function drainQueues(db: Database, now = new Date()): Promise<number> {
  const tenants = await inSystem(db.kysely, (tx) => repo.tenantsWithQueue(tx));
  let assigned = 0;
  for (const tenantId of tenants) {
    const ids = await inTenant(db.kysely, tenantId, (tx) => repo.queuedLeadIds(tx, 500));
    for (const leadId of ids) {
      const r = await inTenant(db.kysely, tenantId, (tx) => systemAssign(tx, { tenantId, leadId, trigger: 'queue', requestId: QUEUE_JOB, now }));
      if (r.outcome === 'assigned') assigned++;
    }
  }
  return assigned;
}

/** Whether the caller may manage rules (admin) — the same guard the settings screens rely on. */
export function mayManage(ctx: RequestContext): boolean {
  return ctx.access.isAdmin || scopeOf(ctx.access, 'lead', 'update') === 'all';
}
