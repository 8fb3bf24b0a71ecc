import { type AssignmentRule, type Candidate, decideAssignment } from '#modules/assignment/index.ts';

export const ROUTING_METHODS = ['round_robin', 'least_open', 'skill_match', 'manual'] as const;
export type RoutingMethod = (typeof ROUTING_METHODS)[number];

export type QueueMember = { userId: string; skills: string[] };
export type RoutingQueue = { id: string; method: RoutingMethod; members: QueueMember[]; lastUserId: string | null };
/** Per member: marked available (and active), and their open tickets now. */
export type AgentLoad = { available: boolean; openTickets: number };

const norm = (s: string) => s.trim().toLowerCase();

/** Members whose skills name one of the ticket's needs (its category and tags); all members when none do. */
export function skilledMembers(members: QueueMember[], needs: string[]): QueueMember[] {
  const wanted = new Set(needs.map(norm).filter(Boolean));
  const skilled = members.filter((m) => m.skills.some((s) => wanted.has(norm(s))));
  return skilled.length ? skilled : members;
}

/**
 * The agent a queue gives a ticket to, among its members marked available: the next after the
 * last pick (round robin), the fewest open tickets (least open), or the fewest open tickets among
 * those with a skill the ticket needs (skill match). Null when nobody is available or the queue is
 * manual. The choice itself is the lead assignment engine's (round robin / load balanced).
 */
export function pickAgent(o: { queue: RoutingQueue; loads: Map<string, AgentLoad>; needs: string[] }): string | null {
  const { queue } = o;
  if (queue.method === 'manual' || !queue.members.length) return null;
  const members = queue.method === 'skill_match' ? skilledMembers(queue.members, o.needs) : queue.members;
  const rule: AssignmentRule = {
    id: queue.id,
    name: queue.id,
    active: true,
    match: 'all',
    conditions: [],
    method: queue.method === 'round_robin' ? 'round_robin' : 'load_balanced',
    userIds: members.map((m) => m.userId),
    capacity: null,
    workingDaysOnly: false,
    lastUserId: queue.lastUserId,
  };
  const candidates = new Map<string, Candidate>();
  for (const m of members) {
    const load = o.loads.get(m.userId);
    candidates.set(m.userId, { id: m.userId, available: load?.available ?? false, openLeads: load?.openTickets ?? 0, assignedLast30Days: 0 });
  }
  const decision = decideAssignment({ rules: [rule], lead: {}, candidates, workingDay: true });
  return decision.outcome === 'assigned' ? decision.userId : null;
}
