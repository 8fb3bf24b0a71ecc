import { describe, expect, it } from 'vitest';
import { replyAction } from './reopen.rules.ts';

const now = new Date('2026-12-20T10:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const always = { reopenWithinDays: null, closedReply: 'follow_up' as const };

describe('what a customer reply does to a finished ticket', () => {
  it('threads into a new ticket and reopens an open or waiting one', () => {
    expect(replyAction({ status: 'new', resolvedAt: null, now, settings: always })).toBe('thread');
    for (const status of ['open', 'waiting_customer', 'waiting_third_party'])
      expect(replyAction({ status, resolvedAt: null, now, settings: always })).toBe('reopen');
  });

  it('reopens a resolved ticket within the window (none: always), else opens a follow-up', () => {
    expect(replyAction({ status: 'resolved', resolvedAt: daysAgo(400), now, settings: always })).toBe('reopen');
    const week = { reopenWithinDays: 7, closedReply: 'follow_up' as const };
    expect(replyAction({ status: 'resolved', resolvedAt: daysAgo(6.9), now, settings: week })).toBe('reopen');
    expect(replyAction({ status: 'resolved', resolvedAt: daysAgo(7.1), now, settings: week })).toBe('follow_up');
  });

  it('a closed ticket gets a follow-up unless the desk reopens closed tickets (within the window)', () => {
    expect(replyAction({ status: 'closed', resolvedAt: daysAgo(1), now, settings: always })).toBe('follow_up');
    const reopen = { reopenWithinDays: 3, closedReply: 'reopen' as const };
    expect(replyAction({ status: 'closed', resolvedAt: daysAgo(1), now, settings: reopen })).toBe('reopen');
    expect(replyAction({ status: 'closed', resolvedAt: daysAgo(5), now, settings: reopen })).toBe('follow_up');
  });
});
