import { inSystem, inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { createInTx, updateInTx } from '#platform/records/record-service.ts';
import { findRecord, type Row } from '#platform/records/records.repo.ts';
import { contactDefinition } from '#modules/customers/index.ts';
import { automatedReason, bodyText, type InboundMail, numberInSubject, referencedIds, sanitizeMailHtml, slugCandidates } from './inbound-mail.rules.ts';
import { insertTicketMessage } from './ticket-messages.repo.ts';
import { findDeskSettings } from './desk-settings.repo.ts';
import type { ClosedReplyAction } from './desk-settings.schema.ts';
import { replyAction } from './reopen.rules.ts';
import { FOLLOW_UP_OF, MESSAGE_TOUCH, type MessageTouch } from './ticket-prepare.service.ts';
import { ticketDefinition } from './tickets.definition.ts';
import { contactByEmail, inboundCountSince, lockTicket, ticketIdByMessageIds, ticketIdByNumber } from './tickets.repo.ts';
import { findTenantBySlugs, onlyTenant, tenantLocale } from './inbound.repo.ts';

export type InboundLimits = { perSender: number; windowMs: number };
export const DEFAULT_LIMITS: InboundLimits = { perSender: 20, windowMs: 10 * 60_000 };

export type InboundOutcome =
  | { outcome: 'created'; ticketId: string; number: string }
  | { outcome: 'threaded'; ticketId: string; number: string }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'rate_limited' };

/** The actor of mail in: no user, full rights inside its one tenant (as the web-to-lead form). */
const mailContext = (tenantId: string, locale: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: `smtp-${newId()}`,
  ip: null,
  locale: locale === 'en' ? 'en' : 'zh-CN',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

export type TenantForRecipientOptions = { deps: Deps; recipient: string };
/** The tenant a recipient addresses (its slug in the address), or the only tenant of a single-company install. */
export async function tenantForRecipient({ deps, recipient }: TenantForRecipientOptions): Promise<string | null> {
  return inSystem(deps.db.kysely, async (tx) => (await findTenantBySlugs(tx, slugCandidates(recipient))) ?? (await onlyTenant(tx)));
}

/** The sender's contact, or a new one named after the sender (so the agent sees who wrote). */
async function requesterContact(tx: Tx, deps: Deps, ctx: RequestContext, from: { address: string; name: string }): Promise<string> {
  const known = await contactByEmail(tx, from.address);
  if (known) return known.id;
  const row = await createInTx(tx, {
    deps,
    ctx,
    def: contactDefinition,
    input: { name: from.name.trim().slice(0, 200) || from.address, emails: [{ address: from.address }], source: 'email' },
  });
  return row.id;
}

/** The ticket a reply belongs to: by the Message-IDs it answers, else by the number in its subject. */
async function threadOf(tx: Tx, mail: InboundMail): Promise<Row | undefined> {
  const byHeaders = await ticketIdByMessageIds(tx, referencedIds(mail));
  const number = byHeaders ? null : numberInSubject(mail.subject);
  const id = byHeaders ?? (number ? await ticketIdByNumber(tx, number) : undefined);
  if (!id) return undefined;
  await lockTicket(tx, id);
  const ticket = await findRecord(tx, 'tickets', id);
  // A reply to a duplicate that was merged away belongs to the ticket it was merged into.
  const target = ticket?.merged_into_id as string | null | undefined;
  if (!target) return ticket;
  await lockTicket(tx, target);
  return (await findRecord(tx, 'tickets', target)) ?? ticket;
}

/**
 * One parsed message into the tenant's desk, in one transaction: ignored when automated or
 * already stored (same Message-ID), refused past the sender's limit, threaded into its ticket
 * (which reopens, or past the desk's reopen settings gets a follow-up ticket that links it), else a new
 * ticket for the sender's contact (found by address or created). Audited and announced as any write.
 */
export async function receiveMail(o: { deps: Deps; tenantId: string; mail: InboundMail; limits?: InboundLimits; now?: Date }): Promise<InboundOutcome> {
  const { deps, mail } = o;
  const reason = automatedReason(mail);
  if (reason || !mail.from) return { outcome: 'ignored', reason: reason ?? 'no sender' };
  const from = mail.from;
  const limits = o.limits ?? DEFAULT_LIMITS;
  const now = o.now ?? new Date();
  return inTenant(deps.db.kysely, o.tenantId, async (tx) => {
    const ctx = mailContext(o.tenantId, await tenantLocale(tx));
    if (mail.messageId && (await ticketIdByMessageIds(tx, [mail.messageId]))) return { outcome: 'ignored', reason: 'duplicate' };
    if ((await inboundCountSince(tx, { address: from.address, since: new Date(now.getTime() - limits.windowMs) })) >= limits.perSender)
      return { outcome: 'rate_limited' };
    const text = bodyText(mail);
    const html = mail.html ? sanitizeMailHtml(mail.html) : null;
    const subject = mail.subject.trim().slice(0, 300) || '(no subject)';
    let ticket = await threadOf(tx, mail);
    let followUp: Row | null = null;
    if (ticket) {
      const desk = await findDeskSettings(tx);
      const settings = { reopenWithinDays: desk.reopen_within_days, closedReply: desk.closed_reply as ClosedReplyAction };
      const action = replyAction({ status: ticket.status as string, resolvedAt: (ticket.resolved_at as Date | null) ?? null, now, settings });
      if (action === 'follow_up') [followUp, ticket] = [ticket, undefined];
    }
    const touch: MessageTouch = { at: now, agentReply: false };
    let outcome: 'created' | 'threaded';
    if (ticket) {
      const reopen = ticket.status === 'new' ? {} : { status: 'open' };
      const updated = await updateInTx(tx, { deps, ctx, def: ticketDefinition, input: { ...reopen, [MESSAGE_TOUCH]: touch }, row: ticket });
      // Under the row lock nothing else writes it; a miss would be a bug, and the 451 makes the sender retry.
      if (!updated) throw new Error('ticket changed under its lock');
      ticket = updated;
      outcome = 'threaded';
    } else {
      const contactId = await requesterContact(tx, deps, ctx, from);
      const description = followUp ? `↪ ${followUp.number as string}\n\n${text}` : text;
      ticket = await createInTx(tx, {
        deps,
        ctx,
        def: ticketDefinition,
        input: {
          subject,
          description: description.slice(0, 20000),
          contactId,
          requesterEmail: from.address.slice(0, 320),
          channel: 'email',
          [MESSAGE_TOUCH]: touch,
          ...(followUp ? { [FOLLOW_UP_OF]: followUp.id } : {}),
        },
      });
      outcome = 'created';
    }
    await insertTicketMessage(tx, {
      tenant_id: o.tenantId,
      id: newId(),
      ticket_id: ticket.id,
      kind: 'inbound',
      author_id: null,
      from_address: from.address,
      from_name: from.name || null,
      to_address: null,
      subject,
      body_text: text,
      body_html: html,
      message_id: mail.messageId,
      in_reply_to: mail.inReplyTo,
      mail_message_id: null,
      mentions: [],
    });
    return { outcome, ticketId: ticket.id, number: ticket.number as string };
  });
}
