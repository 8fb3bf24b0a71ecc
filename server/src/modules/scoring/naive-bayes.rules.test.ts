import { describe, expect, it } from 'vitest';
import { predict, readiness, type Sample, train } from './naive-bayes.rules.ts';

/** 40 outcomes: manufacturing wins 9 of 10, retail wins 1 of 10; region carries no signal. */
function dataset(): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < 10; i++) out.push({ features: { industry: 'Manufacturing', region: i % 2 ? '华东' : '华北' }, won: i < 9 });
  for (let i = 0; i < 10; i++) out.push({ features: { industry: 'Retail', region: i % 2 ? '华东' : '华北' }, won: i < 1 });
  for (let i = 0; i < 20; i++) out.push({ features: { industry: 'Finance', region: i % 2 ? '华东' : '华北', source: null }, won: i < 10 });
  return out;
}

describe('naive Bayes', () => {
  const model = train(dataset(), ['industry', 'region', 'source']);

  it('counts classes and values', () => {
    expect(model.won).toBe(20);
    expect(model.lost).toBe(20);
    expect(model.counts.industry?.manufacturing).toEqual([9, 1]);
    expect(model.counts.source).toEqual({});
  });

  it('gives the hand-computed probability for a known value', () => {
    // prior 20/20; P(manu|won)=(9+1)/(20+3), P(manu|lost)=(1+1)/(20+3) -> odds 5, p = 5/6.
    const p = predict(model, { industry: 'manufacturing' });
    expect(p.probability).toBeCloseTo(5 / 6, 3);
    expect(p.positive[0]).toMatchObject({ field: 'industry', value: 'manufacturing' });
    expect(p.negative).toEqual([]);
  });

  it('names the negative factor and is symmetric for the losing value', () => {
    const p = predict(model, { industry: 'Retail' });
    expect(p.probability).toBeCloseTo(1 / 6, 3);
    expect(p.negative[0]?.field).toBe('industry');
    expect(p.positive).toEqual([]);
  });

  it('adds the evidence of every field: 华东 (won 9, lost 11) pulls slightly down', () => {
    const p = predict(model, { industry: 'manufacturing', region: '华东' });
    // odds 5 x (10/22)/(12/22)
    expect(p.probability).toBeCloseTo(25 / 6 / (1 + 25 / 6), 3);
    expect(p.negative[0]).toMatchObject({ field: 'region', value: '华东' });
  });

  it('treats unseen and empty values as no evidence', () => {
    expect(predict(model, { industry: 'Mining', source: '' }).probability).toBeCloseTo(0.5, 3);
  });

  it('refuses to guess with too little or one-sided history', () => {
    expect(readiness(5, 10)).toMatchObject({ ready: false, reason: 'too_few_outcomes', needed: 20 });
    expect(readiness(25, 0)).toMatchObject({ ready: false, reason: 'one_class_missing' });
    expect(readiness(10, 10)).toEqual({ ready: true });
  });
});
