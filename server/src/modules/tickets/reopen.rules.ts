import type { ClosedReplyAction } from './desk-settings.schema.ts';

export type ReplyAction = 'thread' | 'reopen' | 'follow_up';

const DAY_MS = 86_400_000;

/**
 * What a customer's reply does to the ticket it answers: a new ticket just gains the message; an
 * open or waiting one (re)opens; a resolved one reopens within `reopenWithinDays` of its resolution
 * (none: always), else a follow-up ticket links it; a closed one gets a follow-up unless the desk
 * says closed tickets reopen (then within the same window).
 */
export function replyAction(o: {
  status: string;
  resolvedAt: Date | null;
  now: Date;
  settings: { reopenWithinDays: number | null; closedReply: ClosedReplyAction };
}): ReplyAction {
  const { status, settings } = o;
  if (status === 'new') return 'thread';
  if (status !== 'resolved' && status !== 'closed') return 'reopen';
  if (status === 'closed' && settings.closedReply === 'follow_up') return 'follow_up';
  const days = settings.reopenWithinDays;
  const stale = days !== null && o.resolvedAt !== null && o.now.getTime() - o.resolvedAt.getTime() > days * DAY_MS;
  return stale ? 'follow_up' : 'reopen';
}
