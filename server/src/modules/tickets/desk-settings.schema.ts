import { z } from 'zod';

export const CLOSED_REPLY_ACTIONS = ['follow_up', 'reopen'] as const;
export type ClosedReplyAction = (typeof CLOSED_REPLY_ACTIONS)[number];

/** How the desk treats a customer's reply to a finished ticket (one per tenant; admins change it). */
export const ZTicketDeskSettings = z.object({
  /** A reply to a resolved ticket reopens it within this many days of its resolution, else opens a follow-up; null: always reopens. */
  reopenWithinDays: z.number().int().nullable(),
  /** A reply to a closed ticket: a new follow-up ticket that links it, or the closed ticket reopens. */
  closedReply: z.enum(CLOSED_REPLY_ACTIONS),
  version: z.number(),
});
export type TTicketDeskSettings = z.infer<typeof ZTicketDeskSettings>;

export const ZUpdateTicketDeskSettingsRequest = z
  .object({
    reopenWithinDays: z.number().int().min(1).max(3650).nullable(),
    closedReply: z.enum(CLOSED_REPLY_ACTIONS),
  })
  .partial()
  .strict();
export type TUpdateTicketDeskSettingsRequest = z.infer<typeof ZUpdateTicketDeskSettingsRequest>;
