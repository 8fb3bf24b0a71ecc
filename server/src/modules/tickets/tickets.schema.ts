import { z } from 'zod';
import { TICKET_FIELDS } from './ticket-fields.definition.ts';

export {
  ACTIVE_STATUSES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from './ticket-fields.definition.ts';

export const ZUpdateTicketRequest = z.object(TICKET_FIELDS.input).partial().strict();
export type TUpdateTicketRequest = z.infer<typeof ZUpdateTicketRequest>;
/** Channel defaults to web, priority to normal, status to new; the number comes from the tenant's series. */
export const ZCreateTicketRequest = ZUpdateTicketRequest.required({ subject: true });
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

export const ZTicket = z.object(TICKET_FIELDS.output);
export type TTicket = z.infer<typeof ZTicket>;

export const TICKET_MESSAGE_KINDS = ['inbound', 'reply', 'note'] as const;

export const ZTicketMessage = z.object({
  id: z.string(),
  kind: z.enum(TICKET_MESSAGE_KINDS),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string().nullable(),
  bodyText: z.string(),
  /** Sanitised HTML of an inbound message (sanitize-html allow-list), or null. */
  bodyHtml: z.string().nullable(),
  mentions: z.array(z.string()),
  createdAt: z.string(),
});
export type TTicketMessage = z.infer<typeof ZTicketMessage>;

/** A public reply (e-mailed to the requester) or an internal note; `@` mentions in `mentions` are notified. */
export const ZCreateTicketMessageRequest = z
  .object({
    kind: z.enum(['reply', 'note']),
    body: z.string().trim().min(1).max(50000),
    mentions: z.array(z.uuid()).max(20).default([]),
    /** Set the ticket's status with the message (absent: a reply waits on the customer, a note leaves it). */
    status: z.enum(['new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed']).optional(),
  })
  .strict();
export type TCreateTicketMessageRequest = z.infer<typeof ZCreateTicketMessageRequest>;
