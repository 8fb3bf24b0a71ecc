import { addBusinessMinutes, type BusinessCalendarRules } from '#platform/calendars/business-time.ts';

export type SlaPolicy = {
  id: string;
  priority: string | null;
  category: string | null;
  customerTier?: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnBeforeMinutes: number;
  calendarId: string | null;
  escalateToManager?: boolean;
  escalatePriority?: boolean;
};

/**
 * The policy for a ticket: among those whose priority, category and customer tier match (a policy
 * without one matches any), the most specific (the most criteria named; among as many, priority
 * before category before tier); ties go to the earlier in `policies` order.
 */
export function choosePolicy(
  policies: readonly SlaPolicy[],
  ticket: { priority: string; category: string | null; customerTier?: string | null },
): SlaPolicy | null {
  const norm = (s: string | null | undefined) => s?.trim().toLowerCase() ?? null;
  let best: SlaPolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (p.priority && p.priority !== ticket.priority) continue;
    if (p.category && norm(p.category) !== norm(ticket.category)) continue;
    if (p.customerTier && norm(p.customerTier) !== norm(ticket.customerTier)) continue;
    const named = [p.priority, p.category, p.customerTier].filter(Boolean).length;
    const score = named * 8 + (p.priority ? 4 : 0) + (p.category ? 2 : 0) + (p.customerTier ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

const PRIORITY_STEPS = ['low', 'normal', 'high', 'urgent'] as const;
/** One step up (urgent stays urgent): what a breach escalation sets when its policy says so. */
export function raisedPriority(priority: string): string {
  const i = PRIORITY_STEPS.indexOf(priority as (typeof PRIORITY_STEPS)[number]);
  return i < 0 ? priority : (PRIORITY_STEPS[Math.min(i + 1, PRIORITY_STEPS.length - 1)] ?? priority);
}

/**
 * Due times from the ticket's creation on the policy's calendar: the first response after its
 * target, the resolution after its target plus the business minutes spent waiting on the customer.
 */
export function dueTimes(o: { calendar: BusinessCalendarRules; policy: SlaPolicy; createdAt: Date; pausedMinutes: number }) {
  const at = (minutes: number | null) => (minutes ? addBusinessMinutes({ calendar: o.calendar, from: o.createdAt, minutes }) : null);
  return {
    firstResponseDueAt: at(o.policy.firstResponseMinutes),
    resolutionDueAt: o.policy.resolutionMinutes ? at(o.policy.resolutionMinutes + o.pausedMinutes) : null,
  };
}

export const SLA_STATES = ['none', 'ok', 'warning', 'breached', 'paused', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export type SlaFacts = {
  status: string;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  resolvedAt: Date | null;
  pausedAt: Date | null;
  breachedAt: Date | null;
  /** Within this many minutes of the next due time: warning (the timer pass uses it). */
  warnBeforeMinutes?: number;
  /** When the timer pass announced the warning: warning from then on (what the list shows). */
  warnedAt?: Date | null;
};

/** The target the ticket is working against now: the first response until there is one, then the resolution. */
export function nextDue(f: Pick<SlaFacts, 'firstResponseAt' | 'firstResponseDueAt' | 'resolutionDueAt'>): Date | null {
  if (!f.firstResponseAt && f.firstResponseDueAt) return f.firstResponseDueAt;
  return f.resolutionDueAt;
}

/**
 * Where a ticket stands: breached once a target passed unmet (it stays so), met when resolved in
 * time, paused while waiting on the customer, warning within `warnBeforeMinutes` of the next due time.
 */
export function slaState(f: SlaFacts, now: Date): SlaState {
  if (!f.firstResponseDueAt && !f.resolutionDueAt) return 'none';
  const late = (due: Date | null, doneAt: Date | null) => !!due && (doneAt ? doneAt > due : now >= due);
  if (f.breachedAt || late(f.firstResponseDueAt, f.firstResponseAt)) return 'breached';
  if (f.status === 'resolved' || f.status === 'closed') return late(f.resolutionDueAt, f.resolvedAt) ? 'breached' : 'met';
  if (f.pausedAt) return 'paused';
  const due = nextDue(f);
  if (!due) return 'ok';
  if (now >= due) return 'breached';
  if (f.warnedAt) return 'warning';
  return f.warnBeforeMinutes !== undefined && due.getTime() - now.getTime() <= f.warnBeforeMinutes * 60_000 ? 'warning' : 'ok';
}
