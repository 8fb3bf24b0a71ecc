import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { loadVisible, updateInTx } from '#platform/records/record-service.ts';
import { sendMail } from '#modules/mail/index.ts';
import { notify } from '#modules/notifications/index.ts';
import { MESSAGE_TOUCH, type MessageTouch } from './ticket-prepare.service.ts';
import { activeUserIds, findTicketMessage, insertTicketMessage, listTicketMessages, type TicketMessageRow, userName } from './ticket-messages.repo.ts';
import { ticketDefinition } from './tickets.definition.ts';
import { ticketsErrors } from './tickets.errors.ts';
import { contactEmail, lockTicket } from './tickets.repo.ts';
import type { TCreateTicketMessageRequest, TTicketMessage } from './tickets.schema.ts';

export type ThreadOptions = { deps: Deps; ctx: RequestContext; id: string };

const toApi = (m: TicketMessageRow): TTicketMessage => ({
  id: m.id,
  kind: m.kind,
  author: m.author_id ? { id: m.author_id, name: m.author_name ?? '' } : null,
  fromAddress: m.from_address,
  fromName: m.from_name,
  toAddress: m.to_address,
  subject: m.subject,
  bodyText: m.body_text,
  bodyHtml: m.body_html,
  mentions: m.mentions,
  createdAt: m.created_at.toISOString(),
});

/** The ticket's thread, oldest first, for whoever may read the ticket. */
export async function listThread(o: ThreadOptions): Promise<TTicketMessage[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx: o.ctx, def: ticketDefinition, id: o.id, action: 'read' });
    return (await listTicketMessages(tx, { ticketId: o.id, notes: true })).map(toApi);
  });
}

/** `Re: [TK-2026-000012] Subject`: the number in brackets threads the customer's answer even without headers. */
export const replySubject = (number: string, subject: string) => `Re: [${number}] ${subject.replace(/^(re|回复|答复)\s*[:：]\s*/i, '')}`;

/**
 * A public reply (queued as e-mail to the requester through the mail module, in this transaction)
 * or an internal note; mentioned colleagues are notified; the ticket's status and thread times
 * change with it (audited, `ticket.updated`). Needs update access to the ticket.
 */
export async function addMessage(o: ThreadOptions & { input: TCreateTicketMessageRequest }): Promise<TTicketMessage> {
  const { deps, ctx, input } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await lockTicket(tx, o.id);
    const row = await loadVisible({ tx, ctx, def: ticketDefinition, id: o.id, action: 'update' });
    const mentions = [...new Set(input.mentions)];
    if ((await activeUserIds(tx, mentions)).length !== mentions.length) throw ticketsErrors.unknownMention();
    const id = newId();
    const number = row.number as string;
    const subject = row.name as string;
    let mail: { id: string; messageId: string } | null = null;
    let to: string | null = null;
    if (input.kind === 'reply') {
      to = (row.requester_email as string | null) ?? (row.contact_id ? ((await contactEmail(tx, row.contact_id as string)) ?? null) : null);
      if (!to) throw ticketsErrors.noRecipient();
      mail = await sendMail({
        tx,
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        to,
        subject: replySubject(number, subject),
        text: input.body,
        locale: ctx.locale,
        record: { object: 'ticket', id: o.id },
        idempotencyKey: `ticket-reply:${id}`,
      });
    }
    const now = new Date();
    await insertTicketMessage(tx, {
      tenant_id: ctx.tenantId,
      id,
      ticket_id: o.id,
      kind: input.kind,
      author_id: ctx.userId,
      from_address: null,
      from_name: null,
      to_address: to,
      subject: mail ? replySubject(number, subject) : null,
      body_text: input.body,
      body_html: null,
      message_id: mail?.messageId ?? null,
      in_reply_to: null,
      mail_message_id: mail?.id ?? null,
      mentions,
    });
    const status = input.status ?? (input.kind === 'reply' && row.status !== 'closed' ? 'waiting_customer' : undefined);
    const touch: MessageTouch = { at: now, agentReply: input.kind === 'reply' };
    const update: Record<string, unknown> = { [MESSAGE_TOUCH]: touch, ...(status && status !== row.status ? { status } : {}) };
    if (!(await updateInTx(tx, { deps, ctx, def: ticketDefinition, input: update, row }))) throw ticketsErrors.changedMeanwhile();
    const others = mentions.filter((m) => m !== ctx.userId);
    if (others.length) {
      const author = ctx.userId ? ((await userName(tx, ctx.userId)) ?? '') : '';
      const params = { name: author, number, subject };
      await notify({
        tx,
        tenantId: ctx.tenantId,
        userIds: others,
        kind: 'mention',
        title: { zh: translate('zh-CN', 'tickets.mention_title', params), en: translate('en', 'tickets.mention_title', params) },
        body: { zh: input.body.slice(0, 500), en: input.body.slice(0, 500) },
        link: { object: 'ticket', id: o.id },
        dedupeKey: `ticket-mention:${id}`,
      });
    }
    return toApi((await findTicketMessage(tx, id)) as TicketMessageRow);
  });
}
