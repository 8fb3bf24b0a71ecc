import { describe, expect, it } from 'vitest';
import type { BusinessCalendarRules } from '#platform/calendars/business-time.ts';
import { CHINA_HOLIDAYS, CHINA_WORKDAYS, DEFAULT_WEEK } from '#platform/calendars/default-calendar.ts';
import { choosePolicy, dueTimes, raisedPriority, type SlaFacts, type SlaPolicy, slaState } from './sla.rules.ts';

// Mon-Fri 09:00-18:00 in Shanghai, with China's 2026 holidays and make-up Saturdays.
const shanghai: BusinessCalendarRules = { timeZone: 'Asia/Shanghai', week: DEFAULT_WEEK, holidays: CHINA_HOLIDAYS, workdays: CHINA_WORKDAYS };
const policy = (o: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 'p',
  priority: null,
  category: null,
  firstResponseMinutes: 60,
  resolutionMinutes: 8 * 60,
  warnBeforeMinutes: 30,
  calendarId: null,
  ...o,
});

describe('SLA policies and due times', () => {
  it('the most specific matching policy applies', () => {
    const any = policy({ id: 'any' });
    const urgent = policy({ id: 'urgent', priority: 'urgent' });
    const billing = policy({ id: 'billing', category: '发票' });
    const urgentBilling = policy({ id: 'urgent-billing', priority: 'urgent', category: '发票' });
    const all = [any, billing, urgent, urgentBilling];
    expect(choosePolicy(all, { priority: 'urgent', category: '发票' })?.id).toBe('urgent-billing');
    expect(choosePolicy(all, { priority: 'urgent', category: null })?.id).toBe('urgent');
    expect(choosePolicy(all, { priority: 'low', category: '发票' })?.id).toBe('billing');
    expect(choosePolicy(all, { priority: 'low', category: 'x' })?.id).toBe('any');
    expect(choosePolicy([urgent], { priority: 'low', category: null })).toBeNull();
  });

  it("a customer tier narrows a policy: a VIP customer's urgent ticket gets the VIP one, others never do", () => {
    const urgent = policy({ id: 'urgent', priority: 'urgent' });
    const vip = policy({ id: 'vip', customerTier: 'VIP' });
    const vipUrgent = policy({ id: 'vip-urgent', priority: 'urgent', customerTier: 'vip' });
    const all = [urgent, vip, vipUrgent];
    expect(choosePolicy(all, { priority: 'urgent', category: null, customerTier: 'VIP' })?.id).toBe('vip-urgent');
    expect(choosePolicy(all, { priority: 'low', category: null, customerTier: ' vip ' })?.id).toBe('vip');
    expect(choosePolicy(all, { priority: 'urgent', category: null, customerTier: 'B' })?.id).toBe('urgent');
    expect(choosePolicy([vip], { priority: 'urgent', category: null })).toBeNull();
    // A priority alone still beats a tier alone (same count: priority first).
    expect(choosePolicy([vip, urgent], { priority: 'urgent', category: null, customerTier: 'VIP' })?.id).toBe('urgent');
  });

  it('a breach raises the priority one step, urgent stays urgent', () => {
    expect(['low', 'normal', 'high', 'urgent'].map(raisedPriority)).toEqual(['normal', 'high', 'urgent', 'urgent']);
  });

  it('counts business minutes across a weekend', () => {
    // Friday 2026-12-11 17:30 Shanghai (09:30Z): 1 h first response -> Monday 09:30; 8 h resolution: 30 min on Friday, 7.5 h on Monday -> 16:30.
    const due = dueTimes({ calendar: shanghai, policy: policy(), createdAt: new Date('2026-12-11T09:30:00Z'), pausedMinutes: 0 });
    expect(due.firstResponseDueAt?.toISOString()).toBe('2026-12-14T01:30:00.000Z');
    expect(due.resolutionDueAt?.toISOString()).toBe('2026-12-14T08:30:00.000Z');
  });

  it('skips a holiday and works a make-up Saturday (调休), and waiting on the customer pushes the resolution', () => {
    // Wednesday 2026-09-30 17:00 Shanghai: National Day runs 1-7 October; Saturday 10 October is a working day.
    const created = new Date('2026-09-30T09:00:00Z');
    const due = dueTimes({ calendar: shanghai, policy: policy({ resolutionMinutes: 3 * 9 * 60 }), createdAt: created, pausedMinutes: 0 });
    // 1 h: 17:00-18:00 on the 30th.
    expect(due.firstResponseDueAt?.toISOString()).toBe('2026-09-30T10:00:00.000Z');
    // 27 h: 1 h on the 30th, 9 h Thursday 8th, 9 h Friday 9th, 8 h Saturday 10th (make-up day) -> Saturday 17:00.
    expect(due.resolutionDueAt?.toISOString()).toBe('2026-10-10T09:00:00.000Z');
    // Two business hours waiting on the customer: Monday 12th 10:00.
    const paused = dueTimes({ calendar: shanghai, policy: policy({ resolutionMinutes: 3 * 9 * 60 }), createdAt: created, pausedMinutes: 120 });
    expect(paused.resolutionDueAt?.toISOString()).toBe('2026-10-12T02:00:00.000Z');
  });

  it('states: ok, warning, breached, paused, met', () => {
    const facts: SlaFacts = {
      status: 'open',
      firstResponseAt: null,
      firstResponseDueAt: new Date('2026-12-14T01:30:00Z'),
      resolutionDueAt: new Date('2026-12-14T09:30:00Z'),
      resolvedAt: null,
      pausedAt: null,
      breachedAt: null,
      warnBeforeMinutes: 30,
    };
    expect(slaState(facts, new Date('2026-12-14T00:30:00Z'))).toBe('ok');
    expect(slaState(facts, new Date('2026-12-14T01:10:00Z'))).toBe('warning');
    expect(slaState(facts, new Date('2026-12-14T01:30:00Z'))).toBe('breached');
    const answered = { ...facts, firstResponseAt: new Date('2026-12-14T01:00:00Z') };
    expect(slaState(answered, new Date('2026-12-14T05:00:00Z'))).toBe('ok');
    expect(slaState({ ...answered, pausedAt: new Date('2026-12-14T05:00:00Z') }, new Date('2026-12-15T05:00:00Z'))).toBe('paused');
    expect(slaState({ ...answered, status: 'resolved', resolvedAt: new Date('2026-12-14T09:00:00Z') }, new Date('2026-12-20T00:00:00Z'))).toBe('met');
    expect(slaState({ ...answered, status: 'resolved', resolvedAt: new Date('2026-12-14T10:00:00Z') }, new Date('2026-12-20T00:00:00Z'))).toBe('breached');
    expect(slaState({ ...facts, firstResponseDueAt: null, resolutionDueAt: null }, new Date())).toBe('none');
  });
});
