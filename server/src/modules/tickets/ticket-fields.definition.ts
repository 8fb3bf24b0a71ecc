import { z } from 'zod';
import { computed, datetime, enumOf, id, recordFields, ref, refName, tags, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { SLA_STATES, slaState } from './sla.rules.ts';

const date = (v: unknown) => (v ? new Date(v as string) : null);

export const TICKET_CHANNELS = ['email', 'web', 'portal', 'api', 'phone'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_STATUSES = ['new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Statuses in which a ticket still needs work (the customer panel's "open tickets"). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting_customer', 'waiting_third_party'];

/** A ticket's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const TICKET_FIELDS = defineFields({
  id: id(),
  /** From the tenant's number series (TK-2026-000001), set on create. */
  number: text({ max: 40, required: true, readOnly: true }),
  subject: text({ max: 300, required: true, column: 'name' }),
  description: text({ max: 20000, filter: false }),
  contactId: ref({ to: 'contacts', named: true }),
  contact: refName('contact_id'),
  companyId: ref({ to: 'companies', named: true }),
  company: refName('company_id'),
  requesterEmail: text({ max: 320, classification: 'personal' }),
  channel: enumOf(TICKET_CHANNELS, { required: true }),
  category: text({ max: 100 }),
  priority: enumOf(TICKET_PRIORITIES, { required: true }),
  status: enumOf(TICKET_STATUSES, { required: true }),
  assigneeId: ref({ to: 'users', named: true }),
  assignee: refName('assignee_id'),
  /** Setting it (on create, by an agent or a rule) routes the ticket to one of the queue's available members unless an assignee is given. */
  queueId: ref({ to: 'ticket_queues', named: true }),
  queue: refName('queue_id'),
  /** The ticket a merge closed this one into. */
  mergedIntoId: ref({ to: 'tickets', named: true, readOnly: true }),
  mergedInto: refName('merged_into_id'),
  /** The finished ticket a customer's late reply followed up (the desk's reopen settings). */
  followUpOfId: ref({ to: 'tickets', named: true, readOnly: true }),
  followUpOf: refName('follow_up_of_id'),
  tags: tags(),
  /** The SLA policy that applies (the most specific active one for the priority and category). */
  slaPolicyId: ref({ to: 'ticket_sla_policies', named: true, readOnly: true }),
  slaPolicy: refName('sla_policy_id'),
  firstResponseDueAt: datetime(),
  resolutionDueAt: datetime(),
  /** Since when the SLA clock is paused (the ticket waits on the customer). */
  slaPausedAt: datetime(),
  slaWarnedAt: datetime(),
  /** When a target passed unmet (announced once: `ticket.sla_breached`, a notification). */
  slaBreachedAt: datetime(),
  slaState: computed(z.enum(SLA_STATES), (row) =>
    slaState(
      {
        status: row.status as string,
        firstResponseAt: date(row.first_response_at),
        firstResponseDueAt: date(row.first_response_due_at),
        resolutionDueAt: date(row.resolution_due_at),
        resolvedAt: date(row.resolved_at),
        pausedAt: date(row.sla_paused_at),
        breachedAt: date(row.sla_breached_at),
        warnedAt: date(row.sla_warned_at),
      },
      new Date(),
    ),
  ),
  firstResponseAt: datetime(),
  lastMessageAt: datetime(),
  resolvedAt: datetime(),
  closedAt: datetime(),
  ...recordFields(),
});
