import { type Condition, fieldValue, matchesCondition } from './conditions.rules.ts';

export const ENGAGEMENT_TYPES = [
  'form_submitted',
  'email_opened',
  'email_clicked',
  'page_visited',
  'content_downloaded',
  'webinar_attended',
  'meeting_held',
  'call_held',
] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export type AttributeRule = { id: string; kind: 'attribute'; label?: string | undefined; points: number } & Condition;
/** Points per occurrence of the engagement, each decaying with the tenant's half-life. */
export type BehaviourRule = { id: string; kind: 'behaviour'; label?: string | undefined; points: number; eventType: EngagementType };
export type ScoringRule = AttributeRule | BehaviourRule;
export type ScoringGroup = { id: string; name: string; cap: number | null; rules: ScoringRule[] };
export type BandThresholds = { warmAt: number; hotAt: number };
export type Band = 'cold' | 'warm' | 'hot';
export type Engagement = { type: string; occurredAt: Date };

export type RuleContribution = {
  ruleId: string;
  kind: 'attribute' | 'behaviour';
  label: string;
  /** Points before decay (attribute rules: the rule's points; behaviour: points x occurrences). */
  basePoints: number;
  /** After decay, before the group cap. */
  points: number;
  occurrences?: number;
  /** The attribute rule's test, so a screen can word it in the reader's language when no label was given. */
  condition?: Condition;
};
export type GroupResult = { groupId: string; name: string; cap: number | null; raw: number; points: number; capped: boolean; rules: RuleContribution[] };
export type ScoreResult = { score: number; band: Band; groups: GroupResult[]; halfLifeDays: number | null; computedAt: string };

export type ComputeScoreOptions = {
  lead: Record<string, unknown>;
  engagements: Engagement[];
  groups: ScoringGroup[];
  /** Days for an engagement's points to halve; null or 0 keeps them whole. */
  halfLifeDays: number | null;
  bands: BandThresholds;
  now: Date;
};

const DAY_MS = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** 2^(-age/halfLife); an event in the future (clock skew) counts whole. */
export function decayFactor(occurredAt: Date, now: Date, halfLifeDays: number | null): number {
  if (!halfLifeDays || halfLifeDays <= 0) return 1;
  const ageDays = Math.max(0, (now.getTime() - occurredAt.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / halfLifeDays);
}

export function bandOf(score: number, bands: BandThresholds): Band {
  if (score >= bands.hotAt) return 'hot';
  if (score >= bands.warmAt) return 'warm';
  return 'cold';
}

const describe = (rule: ScoringRule) =>
  rule.label ||
  (rule.kind === 'behaviour'
    ? rule.eventType
    : `${rule.field} ${rule.operator}${rule.value === undefined ? '' : ` ${Array.isArray(rule.value) ? rule.value.join(', ') : rule.value}`}`);

function contribution(rule: ScoringRule, o: ComputeScoreOptions): RuleContribution | null {
  if (rule.kind === 'attribute') {
    if (!matchesCondition(fieldValue(o.lead, rule.field), rule)) return null;
    const condition: Condition = { field: rule.field, operator: rule.operator, ...(rule.value === undefined ? {} : { value: rule.value }) };
    return { ruleId: rule.id, kind: 'attribute', label: describe(rule), basePoints: rule.points, points: rule.points, ...(rule.label ? {} : { condition }) };
  }
  const hits = o.engagements.filter((e) => e.type === rule.eventType && e.occurredAt.getTime() <= o.now.getTime());
  if (hits.length === 0) return null;
  const points = hits.reduce((sum, e) => sum + rule.points * decayFactor(e.occurredAt, o.now, o.halfLifeDays), 0);
  return { ruleId: rule.id, kind: 'behaviour', label: describe(rule), basePoints: rule.points * hits.length, points: round2(points), occurrences: hits.length };
}

/**
 * The lead's score and its explanation: each group sums its matching rules (behaviour points
 * decayed by age), then is capped; the score is the rounded sum of the groups. A cap limits
 * how far one kind of evidence (say, many page visits) can carry a lead on its own.
 */
export function computeScore(o: ComputeScoreOptions): ScoreResult {
  const groups = o.groups.map((group): GroupResult => {
    const rules = group.rules.map((r) => contribution(r, o)).filter((r): r is RuleContribution => r !== null);
    const raw = round2(rules.reduce((sum, r) => sum + r.points, 0));
    const capped = group.cap !== null && raw > group.cap;
    return { groupId: group.id, name: group.name, cap: group.cap, raw, points: capped ? (group.cap as number) : raw, capped, rules };
  });
  const score = Math.round(groups.reduce((sum, g) => sum + g.points, 0));
  return { score, band: bandOf(score, o.bands), groups, halfLifeDays: o.halfLifeDays || null, computedAt: o.now.toISOString() };
}
