import { describe, expect, it } from 'vitest';
import { activityProblems, foreignFields } from './activity.rules.ts';

describe('activity rules', () => {
  it('needs a company or a contact', () => {
    expect(activityProblems({ type: 'note' })).toEqual([{ field: 'contactId', message: 'activities.link_required' }]);
    expect(activityProblems({ type: 'note', companyId: 'c' })).toEqual([]);
  });

  it('wants a meeting to end after it starts', () => {
    const base = { type: 'meeting', contactId: 'p', startsAt: '2026-11-24T10:00:00+08:00' };
    expect(activityProblems({ ...base, endsAt: '2026-11-24T02:00:00Z' }).map((p) => p.field)).toEqual(['endsAt']);
    expect(activityProblems({ ...base, endsAt: new Date('2026-11-24T03:00:00Z') })).toEqual([]);
  });

  it('refuses a reminder after the due time', () => {
    expect(activityProblems({ type: 'task', contactId: 'p', dueAt: '2026-11-24T10:00:00Z', remindAt: '2026-11-24T10:00:01Z' }).map((p) => p.field)).toEqual([
      'remindAt',
    ]);
    expect(activityProblems({ type: 'task', contactId: 'p', dueAt: '2026-11-24T10:00:00Z', remindAt: null })).toEqual([]);
  });

  it('names fields that belong to another type', () => {
    expect(foreignFields('note', { subject: 'x', durationSeconds: 5, dueAt: 'x' }).map((p) => p.field)).toEqual(['durationSeconds', 'dueAt']);
    expect(foreignFields('task', { dueAt: 'x', body: 'y' })).toEqual([]);
  });
});
