import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import type { Tx } from '#db/tx.ts';
import type { TicketStatus } from './ticket-fields.definition.ts';
import { routeToQueue } from './routing.service.ts';
import { applySla } from './sla.service.ts';
import { findCompany, findContact, type LinkTarget, phoneDigitsOfLinks } from './tickets.repo.ts';

/** Internal input (never in a request body: the zod schemas are strict) a thread message passes to the ticket's update. */
export const MESSAGE_TOUCH = '_message';
export type MessageTouch = { at: Date; agentReply: boolean };
/** Internal input a merge passes: the ticket this one was merged into (a read-only field). */
export const MERGED_INTO = '_mergedInto';
/** Internal input mail in passes: the finished ticket a new one follows up (a read-only field). */
export const FOLLOW_UP_OF = '_followUpOf';

async function visibleLink(tx: Tx, ctx: RequestContext, object: 'company' | 'contact', id: string): Promise<LinkTarget | undefined> {
  const target = object === 'contact' ? await findContact(tx, id) : await findCompany(tx, id);
  const scope = scopeOf(ctx.access, object, 'read');
  return target && scope !== 'none' && mayTouch(ctx.access, scope, target.owner_id) ? target : undefined;
}

/**
 * Linked customers the user may see (a contact brings its company);
 * resolved/closed times following the status; thread times; phone digits for search. The record
 * service numbers a new ticket once valid (the object declares `numbering`), e-mailed ones too.
 */
export async function prepareTicket(o: PrepareOptions): Promise<void> {
  const { tx, ctx, input, columns, existing, errors } = o;
  const contactId = input.contactId as string | null | undefined;
  if (contactId) {
    const contact = await visibleLink(tx, ctx, 'contact', contactId);
    if (!contact) errors.push({ field: 'contactId', message: 'fields.invalid_reference', params: { object: 'contact' } });
    else if (contact.company_id && !('companyId' in input) && !(existing?.company_id as string | null)) columns.company_id = contact.company_id;
  }
  const companyId = input.companyId as string | null | undefined;
  if (companyId && !(await visibleLink(tx, ctx, 'company', companyId)))
    errors.push({ field: 'companyId', message: 'fields.invalid_reference', params: { object: 'company' } });

  await routeToQueue(o);

  // The assignee owns the ticket, so "own" scope means "my tickets" (an explicit ownerId wins).
  if (input.assigneeId && !('ownerId' in input)) columns.owner_id = input.assigneeId;

  const status = (columns.status ?? existing?.status ?? 'new') as TicketStatus;
  if (columns.status !== undefined && columns.status !== existing?.status) {
    const now = new Date();
    columns.resolved_at = status === 'resolved' || status === 'closed' ? ((existing?.resolved_at as Date | null) ?? now) : null;
    columns.closed_at = status === 'closed' ? now : null;
  }

  const touch = input[MESSAGE_TOUCH] as MessageTouch | undefined;
  if (touch) {
    columns.last_message_at = touch.at;
    if (touch.agentReply && !existing?.first_response_at) columns.first_response_at = touch.at;
  }

  if (typeof input[MERGED_INTO] === 'string') columns.merged_into_id = input[MERGED_INTO];
  if (!existing && typeof input[FOLLOW_UP_OF] === 'string') columns.follow_up_of_id = input[FOLLOW_UP_OF];

  await applySla(o);

  const merged = { ...existing, ...columns };
  columns.phone_digits = await phoneDigitsOfLinks(tx, {
    companyId: (merged.company_id as string) ?? null,
    contactId: (merged.contact_id as string) ?? null,
  });
}
