import { inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { createInTx, loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { messageCount, moveAllMessages, moveMessage } from './merge-split.repo.ts';
import { findTicketMessage, insertTicketMessage } from './ticket-messages.repo.ts';
import { MERGED_INTO } from './ticket-prepare.service.ts';
import { ticketDefinition } from './tickets.definition.ts';
import { ticketsErrors } from './tickets.errors.ts';
import { lockTicket } from './tickets.repo.ts';
import type { TTicket } from './tickets.schema.ts';

type Options = { deps: Deps; ctx: RequestContext; id: string };

/** A system note in a thread (both languages: the thread is read by agents of either). */
async function note(tx: Tx, ctx: RequestContext, ticketId: string, key: string, params: Record<string, string>): Promise<void> {
  await insertTicketMessage(tx, {
    tenant_id: ctx.tenantId,
    id: newId(),
    ticket_id: ticketId,
    kind: 'note',
    author_id: ctx.userId,
    from_address: null,
    from_name: null,
    to_address: null,
    subject: null,
    body_text: `${translate('zh-CN', key, params)}\n${translate('en', key, params)}`,
    body_html: null,
    message_id: null,
    in_reply_to: null,
    mail_message_id: null,
    mentions: [],
  });
}

async function update(tx: Tx, o: Options, row: Row, input: Record<string, unknown>): Promise<Row> {
  const updated = await updateInTx(tx, { deps: o.deps, ctx: o.ctx, def: ticketDefinition, input, row });
  if (!updated) throw ticketsErrors.changedMeanwhile();
  return updated;
}

/**
 * Merges a duplicate into `targetId`: its messages move to the target's thread (Message-IDs with
 * them, so the customer's later replies thread into the target), both threads get a note, and the
 * duplicate is closed with a link to the target. Needs update access to both. Returns the target.
 */
export async function mergeTicket(o: Options & { targetId: string }): Promise<TTicket> {
  const { deps, ctx } = o;
  if (o.targetId === o.id) throw ticketsErrors.badMerge();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    for (const id of [o.id, o.targetId].sort()) await lockTicket(tx, id);
    const source = await loadVisible({ tx, ctx, def: ticketDefinition, id: o.id, action: 'update' });
    const target = await loadVisible({ tx, ctx, def: ticketDefinition, id: o.targetId, action: 'update' });
    if (source.merged_into_id || target.merged_into_id) throw ticketsErrors.badMerge();
    await moveAllMessages(tx, { from: source.id, to: target.id });
    const params = { source: source.number as string, target: target.number as string };
    await note(tx, ctx, target.id, 'tickets.merged_from', params);
    await note(tx, ctx, source.id, 'tickets.merged_into', params);
    await update(tx, o, source, { status: 'closed', [MERGED_INTO]: target.id });
    const [out] = await present({ tx, deps, ctx, def: ticketDefinition, rows: [target] });
    return out as TTicket;
  });
}

/**
 * Splits one message of a ticket into a new ticket for the same customer (queue, priority and
 * category carried over, so the queue routes it): the message moves, both threads get a note.
 */
export async function splitMessage(o: Options & { messageId: string }): Promise<TTicket> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await lockTicket(tx, o.id);
    const row = await loadVisible({ tx, ctx, def: ticketDefinition, id: o.id, action: 'update' });
    const message = await findTicketMessage(tx, o.messageId);
    if (!message || message.ticket_id !== row.id || message.kind === 'note' || (await messageCount(tx, row.id)) < 2) throw ticketsErrors.cannotSplit();
    // A reply's subject without its "Re: [TK-…]" prefix.
    const own = message.subject
      ?.replace(/^((re|回复|答复)\s*[:：]\s*)+/i, '')
      .replace(/^\[[^\]]+\]\s*/, '')
      .trim();
    const subject = (own || (row.name as string)).slice(0, 300);
    const created = await createInTx(tx, {
      deps,
      ctx,
      def: ticketDefinition,
      input: {
        subject,
        description: message.body_text.slice(0, 20000),
        contactId: row.contact_id,
        companyId: row.company_id,
        requesterEmail: row.requester_email,
        channel: row.channel,
        priority: row.priority,
        category: row.category,
        queueId: row.queue_id,
      },
    });
    await moveMessage(tx, { messageId: message.id, to: created.id });
    const params = { source: row.number as string, target: created.number as string };
    await note(tx, ctx, row.id, 'tickets.split_into', params);
    await note(tx, ctx, created.id, 'tickets.split_from', params);
    const [out] = await present({ tx, deps, ctx, def: ticketDefinition, rows: [created] });
    return out as TTicket;
  });
}
