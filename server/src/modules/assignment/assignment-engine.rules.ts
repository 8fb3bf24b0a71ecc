import { type Condition, matchesAll } from '#modules/scoring/index.ts';

export const ASSIGNMENT_METHODS = ['round_robin', 'load_balanced', 'fixed_user'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

export type AssignmentRule = {
  id: string;
  name: string;
  active: boolean;
  match: 'all' | 'any';
  conditions: Condition[];
  method: AssignmentMethod;
  /** The users in order (already expanded from the rule's team when it names one). */
  userIds: string[];
  /** New leads per user per 30 days; null for no limit. */
  capacity: number | null;
  workingDaysOnly: boolean;
  lastUserId: string | null;
};

/** What the engine needs to know about each candidate. */
export type Candidate = { id: string; available: boolean; openLeads: number; assignedLast30Days: number };

export type Decision =
  | { outcome: 'assigned'; ruleId: string; method: AssignmentMethod; userId: string }
  | { outcome: 'queued'; ruleId: string | null; reason: 'no_rule' | 'no_user_available' | 'not_working_day' };

export type DecideOptions = {
  rules: AssignmentRule[];
  lead: Record<string, unknown>;
  candidates: Map<string, Candidate>;
  workingDay: boolean;
};

const eligible = (rule: AssignmentRule, c: Candidate | undefined): c is Candidate =>
  !!c && c.available && (rule.capacity === null || c.assignedLast30Days < rule.capacity);

/** The next eligible user after the last one, wrapping around (the rule's list order). */
function roundRobin(rule: AssignmentRule, candidates: Map<string, Candidate>): string | null {
  const n = rule.userIds.length;
  const start = rule.lastUserId ? rule.userIds.indexOf(rule.lastUserId) + 1 : 0;
  for (let i = 0; i < n; i++) {
    const id = rule.userIds[(start + i) % n] as string;
    if (eligible(rule, candidates.get(id))) return id;
  }
  return null;
}

/** Fewest open leads among users under capacity; ties go to the earlier user in the list. */
function loadBalanced(rule: AssignmentRule, candidates: Map<string, Candidate>): string | null {
  let best: Candidate | null = null;
  for (const id of rule.userIds) {
    const c = candidates.get(id);
    if (eligible(rule, c) && (best === null || c.openLeads < best.openLeads)) best = c;
  }
  return best?.id ?? null;
}

/**
 * The first active rule whose conditions match decides (as Salesforce's assignment rule
 * entries do); when it cannot place the lead — nobody available or under capacity, or not a
 * working day for a working-days rule — the lead waits in the fallback queue.
 */
export function decideAssignment(o: DecideOptions): Decision {
  const rule = o.rules.find((r) => r.active && matchesAll(o.lead, r.conditions, r.match));
  if (!rule) return { outcome: 'queued', ruleId: null, reason: 'no_rule' };
  if (rule.workingDaysOnly && !o.workingDay) return { outcome: 'queued', ruleId: rule.id, reason: 'not_working_day' };
  const userId =
    rule.method === 'round_robin'
      ? roundRobin(rule, o.candidates)
      : rule.method === 'load_balanced'
        ? loadBalanced(rule, o.candidates)
        : eligible(rule, o.candidates.get(rule.userIds[0] ?? ''))
          ? (rule.userIds[0] as string)
          : null;
  if (!userId) return { outcome: 'queued', ruleId: rule.id, reason: 'no_user_available' };
  return { outcome: 'assigned', ruleId: rule.id, method: rule.method, userId };
}
