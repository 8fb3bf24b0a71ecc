import { describe, expect, it } from 'vitest';
import { formatSpan, formatTarget, hoursToMinutes, minutesToHours, targetState } from './sla-time.rules';

describe('SLA times on screen', () => {
  it('edits targets in hours and stores minutes', () => {
    expect(hoursToMinutes(0.5)).toBe(30);
    expect(hoursToMinutes(8)).toBe(480);
    expect(hoursToMinutes(null)).toBeNull();
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(null)).toBeNull();
  });

  it('says spans and targets in both languages', () => {
    expect(formatSpan(135, 'en')).toBe('2 h 15 min');
    expect(formatSpan(135, 'zh-CN')).toBe('2小时15分钟');
    expect(formatSpan(60 * 24 * 3 + 240, 'en')).toBe('3 d 4 h');
    expect(formatSpan(5, 'zh-CN')).toBe('5分钟');
    expect(formatTarget(480, 'zh-CN')).toBe('8 工作小时');
    expect(formatTarget(30, 'en')).toBe('30 business min');
  });

  it('a target is met, overdue, paused, due soon or on track', () => {
    const due = new Date('2026-12-14T10:00:00Z');
    const at = (iso: string) => new Date(iso);
    const base = { dueAt: due, doneAt: null, paused: false, warnMinutes: 30 };
    expect(targetState({ ...base, doneAt: at('2026-12-14T09:00:00Z'), now: at('2026-12-15T00:00:00Z') })).toBe('met');
    expect(targetState({ ...base, doneAt: at('2026-12-14T11:00:00Z'), now: at('2026-12-15T00:00:00Z') })).toBe('met_late');
    expect(targetState({ ...base, now: at('2026-12-14T10:00:00Z') })).toBe('overdue');
    expect(targetState({ ...base, paused: true, now: at('2026-12-14T09:45:00Z') })).toBe('paused');
    expect(targetState({ ...base, now: at('2026-12-14T09:45:00Z') })).toBe('due_soon');
    expect(targetState({ ...base, now: at('2026-12-14T08:00:00Z') })).toBe('ok');
  });
});
