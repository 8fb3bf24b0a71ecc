import { businessMinutesBetween } from '#platform/calendars/business-time.ts';
import { loadCalendar } from '#platform/calendars/calendars.repo.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import { activePolicies, companyTier, findPolicy } from './sla.repo.ts';
import { choosePolicy, dueTimes, type SlaPolicy } from './sla.rules.ts';

const CLOSED = new Set(['resolved', 'closed']);

/**
 * A ticket's SLA on every write: the policy is chosen on create and again when the priority,
 * category or company (its tier) changes (the most specific active one); due times count business minutes on its
 * calendar from the ticket's creation. Waiting on the customer pauses the clock: the business
 * minutes spent so push the resolution due time when the ticket leaves that status.
 */
export async function applySla(o: PrepareOptions): Promise<void> {
  const { tx, ctx, columns, existing } = o;
  const merged = { ...existing, ...columns };
  const now = new Date();
  const status = merged.status as string;
  // The clock starts at creation, as the application saw it (the same clock as the timer pass).
  if (!existing) columns.sla_started_at = now;
  const createdAt = existing ? ((existing.sla_started_at ?? existing.created_at) as Date) : now;
  let policy: SlaPolicy | null | undefined;
  let recompute = false;

  const reclassified = !existing || merged.priority !== existing.priority || merged.category !== existing.category || merged.company_id !== existing.company_id;
  if (reclassified && !CLOSED.has(status)) {
    policy = choosePolicy(await activePolicies(tx), {
      priority: merged.priority as string,
      category: (merged.category as string | null) ?? null,
      customerTier: await companyTier(tx, (merged.company_id as string | null) ?? null),
    });
    if ((policy?.id ?? null) !== ((existing?.sla_policy_id as string | null) ?? null)) {
      columns.sla_policy_id = policy?.id ?? null;
      columns.sla_warned_at = null;
      recompute = true;
    }
  }

  const pausedAt = existing?.sla_paused_at as Date | null | undefined;
  let pausedMinutes = Number(existing?.sla_paused_minutes ?? 0);
  const policyId = (merged.sla_policy_id as string | null) ?? null;
  if (status === 'waiting_customer' && !pausedAt && policyId) columns.sla_paused_at = now;
  if (status !== 'waiting_customer' && pausedAt) {
    policy ??= await findPolicy(tx, policyId ?? '');
    const calendar = await loadCalendar(tx, { tenantId: ctx.tenantId, id: policy?.calendarId ?? null });
    pausedMinutes += Math.max(0, businessMinutesBetween({ calendar, from: pausedAt, to: now }));
    columns.sla_paused_at = null;
    columns.sla_paused_minutes = pausedMinutes;
    recompute = true;
  }

  if (!recompute) return;
  policy ??= policyId ? await findPolicy(tx, policyId) : null;
  if (!policy) {
    columns.first_response_due_at = null;
    columns.resolution_due_at = null;
    return;
  }
  const calendar = await loadCalendar(tx, { tenantId: ctx.tenantId, id: policy.calendarId });
  const due = dueTimes({ calendar, policy, createdAt, pausedMinutes });
  columns.first_response_due_at = due.firstResponseDueAt;
  columns.resolution_due_at = due.resolutionDueAt;
}
