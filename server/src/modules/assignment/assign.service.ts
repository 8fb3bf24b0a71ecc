import type { Tx } from '#db/tx.ts';
import { type Condition, leadFieldsOf, systemContext } from '#modules/scoring/index.ts';
import type { RequestContext } from '#platform/context.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { bilingual, notify } from '#modules/notifications/index.ts';
import { newId } from '#platform/ids.ts';
import { type AssignmentMethod, type AssignmentRule, type Candidate, decideAssignment } from './assignment-engine.rules.ts';
import * as repo from './assignment.repo.ts';
import type { TAssignResult } from './assignment.schema.ts';
import { isWorkingDay, localDate } from './working-days.rules.ts';

export type AssignTrigger = 'capture' | 'hot' | 'manual' | 'bulk' | 'queue';

export type AssignOptions = {
  ctx: RequestContext;
  leadId: string;
  trigger: AssignTrigger;
  /** The clock (tests pass a fixed one); decides the working day and the 30-day window. */
  now?: Date;
};

/** A rule as the engine sees it: a team rule's users are the team's active members now. */
async function engineRules(tx: Tx, rows: repo.RuleRow[]): Promise<AssignmentRule[]> {
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      name: r.name,
      active: r.active,
      match: r.match as 'all' | 'any',
      conditions: r.conditions as Condition[],
      method: r.method as AssignmentMethod,
      userIds: r.team_id ? await repo.teamMembers(tx, r.team_id) : r.user_ids,
      capacity: r.capacity,
      workingDaysOnly: r.working_days_only,
      lastUserId: r.last_user_id,
    })),
  );
}

/** Gives the lead an owner and writes the log, the timeline/audit entry, `lead.assigned` and the new owner's notification. */
export async function giveLead(
  tx: Tx,
  o: {
    ctx: RequestContext;
    lead: { id: string; owner_id: string | null };
    userId: string;
    ruleId: string | null;
    method: string;
    trigger: AssignTrigger;
    now: Date;
  },
): Promise<void> {
  const updated = await repo.setLeadOwner(tx, o.lead.id, o.userId, o.ctx.userId);
  await repo.insertAssignment(tx, {
    tenant_id: o.ctx.tenantId,
    id: newId(),
    lead_id: o.lead.id,
    user_id: o.userId,
    previous_owner_id: o.lead.owner_id,
    rule_id: o.ruleId,
    method: o.method,
    trigger: o.trigger,
    assigned_at: o.now,
    assigned_by: o.ctx.userId,
  });
  await repo.dequeue(tx, o.lead.id);
  await recordChange(tx, o.ctx, {
    action: 'assigned',
    objectType: 'lead',
    objectId: o.lead.id,
    before: { ownerId: o.lead.owner_id },
    after: { ownerId: o.userId },
    payload: { ownerId: o.userId, previousOwnerId: o.lead.owner_id, ruleId: o.ruleId, method: o.method, trigger: o.trigger },
  });
  // Someone taking a lead themselves needs no notice.
  if (o.userId !== o.ctx.userId)
    await notify({
      tx,
      tenantId: o.ctx.tenantId,
      userIds: [o.userId],
      kind: 'lead_assigned',
      title: bilingual('lead_assigned_title', { name: (updated?.name as string | undefined) ?? '' }),
      link: { object: 'lead', id: o.lead.id },
    });
}

/**
 * Runs the assignment rules for one lead in the caller's transaction. The active rules are
 * locked first, so concurrent assignments in a tenant take turns and round-robin stays fair;
 * the pointer lives on the rule row and survives restarts. A lead nobody can take goes to the
 * fallback queue (logged on its timeline the first time, or when the reason changes).
 */
export async function assignInTx(tx: Tx, o: AssignOptions): Promise<TAssignResult> {
  const { ctx } = o;
  const now = o.now ?? new Date();
  const rows = await repo.listRules(tx, { activeOnly: true, lock: true });
  const lead = await repo.lockLead(tx, o.leadId);
  if (!lead || lead.status === 'converted')
    return { leadId: o.leadId, outcome: 'skipped', userId: null, ruleId: null, reason: lead ? 'converted' : 'not_found' };
  const settings = await repo.findSettings(tx);
  const timeZone = await repo.tenantTimeZone(tx, ctx.tenantId);
  const rules = await engineRules(tx, rows);
  const score = await repo.leadScore(tx, o.leadId);
  const fields = { ...leadFieldsOf(lead), score: score?.score ?? null, scoreBand: score?.band ?? null };
  const userIds = [...new Set(rules.flatMap((r) => r.userIds))];
  const stats = await repo.candidateStats(tx, { userIds, today: localDate(now, timeZone).date, now });
  const candidates = new Map<string, Candidate>(
    stats.map((s) => [s.id, { id: s.id, available: s.available, openLeads: s.open_leads, assignedLast30Days: s.assigned_30d }]),
  );
  const workingDay = isWorkingDay(now, { workingDays: settings.working_days, holidays: settings.holidays.map(String), timeZone });
  const decision = decideAssignment({ rules, lead: fields, candidates, workingDay });

  if (decision.outcome === 'assigned') {
    await repo.setLastUser(tx, decision.ruleId, decision.userId);
    await giveLead(tx, { ctx, lead, userId: decision.userId, ruleId: decision.ruleId, method: decision.method, trigger: o.trigger, now });
    return { leadId: o.leadId, outcome: 'assigned', userId: decision.userId, ruleId: decision.ruleId, reason: null };
  }
  const before = await repo.findQueued(tx, o.leadId);
  await repo.enqueue(tx, { tenant_id: ctx.tenantId, lead_id: o.leadId, reason: decision.reason, rule_id: decision.ruleId });
  if (before?.reason !== decision.reason) {
    await recordChange(tx, ctx, {
      action: 'assignment_queued',
      objectType: 'lead',
      objectId: o.leadId,
      before: { assignmentQueue: before?.reason ?? null },
      after: { assignmentQueue: decision.reason },
      payload: { reason: decision.reason, ruleId: decision.ruleId, trigger: o.trigger },
    });
  }
  return { leadId: o.leadId, outcome: 'queued', userId: null, ruleId: decision.ruleId, reason: decision.reason };
}

/** For subscribers and jobs: the system acts, for the event's tenant. */
export const systemAssign = (tx: Tx, o: { tenantId: string; leadId: string; trigger: AssignTrigger; requestId: string; now?: Date }) =>
  assignInTx(tx, { ctx: systemContext(o.tenantId, o.requestId), leadId: o.leadId, trigger: o.trigger, ...(o.now ? { now: o.now } : {}) });
