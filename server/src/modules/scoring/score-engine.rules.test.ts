import { describe, expect, it } from 'vitest';
import { bandOf, computeScore, decayFactor, type ScoringGroup } from './score-engine.rules.ts';

const now = new Date('2026-11-24T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const bands = { warmAt: 30, hotAt: 60 };

const fit: ScoringGroup = {
  id: 'g1',
  name: 'Fit',
  cap: 50,
  rules: [
    { id: 'r1', kind: 'attribute', field: 'industry', operator: 'eq', value: 'Manufacturing', points: 30 },
    { id: 'r2', kind: 'attribute', field: 'title', operator: 'contains', value: '总监', points: 25 },
    { id: 'r3', kind: 'attribute', field: 'custom.budget', operator: 'gte', value: 100000, points: 10 },
  ],
};
const engagement: ScoringGroup = {
  id: 'g2',
  name: 'Engagement',
  cap: null,
  rules: [
    { id: 'b1', kind: 'behaviour', eventType: 'email_opened', points: 4 },
    { id: 'b2', kind: 'behaviour', eventType: 'meeting_held', points: 20 },
  ],
};

describe('computeScore', () => {
  it('sums matching attribute rules and caps the group', () => {
    const r = computeScore({
      lead: { industry: 'manufacturing', title: '采购总监', custom: { budget: 200000 } },
      engagements: [],
      groups: [fit],
      halfLifeDays: 30,
      bands,
      now,
    });
    expect(r.groups[0]).toMatchObject({ raw: 65, points: 50, capped: true });
    expect(r.groups[0]?.rules.map((x) => x.ruleId)).toEqual(['r1', 'r2', 'r3']);
    expect(r.score).toBe(50);
    expect(r.band).toBe('warm');
  });

  it('decays engagement points by the half-life and ignores future events', () => {
    const r = computeScore({
      lead: {},
      engagements: [
        { type: 'meeting_held', occurredAt: daysAgo(0) },
        { type: 'meeting_held', occurredAt: daysAgo(30) },
        { type: 'email_opened', occurredAt: daysAgo(60) },
        { type: 'email_opened', occurredAt: new Date(now.getTime() + 86_400_000) },
      ],
      groups: [engagement],
      halfLifeDays: 30,
      bands,
      now,
    });
    const [emails, meetings] = r.groups[0]?.rules ?? [];
    expect(emails).toMatchObject({ ruleId: 'b1', occurrences: 1, basePoints: 4, points: 1 });
    expect(meetings).toMatchObject({ ruleId: 'b2', occurrences: 2, basePoints: 40, points: 30 });
    expect(r.score).toBe(31);
  });

  it('keeps points whole without a half-life', () => {
    expect(decayFactor(daysAgo(365), now, null)).toBe(1);
    expect(decayFactor(daysAgo(10), now, 10)).toBeCloseTo(0.5);
  });

  it('lets negative rules pull a lead down and bands by thresholds', () => {
    const r = computeScore({
      lead: { title: 'Student', source: 'web' },
      engagements: [],
      groups: [{ id: 'g', name: 'n', cap: 20, rules: [{ id: 'x', kind: 'attribute', field: 'title', operator: 'contains', value: 'student', points: -15 }] }],
      halfLifeDays: 30,
      bands,
      now,
    });
    expect(r.score).toBe(-15);
    expect(r.band).toBe('cold');
    expect(bandOf(60, bands)).toBe('hot');
    expect(bandOf(59, bands)).toBe('warm');
  });
});
