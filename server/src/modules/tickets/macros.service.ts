import { z } from 'zod';
import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import { mergeValuesFor, renderTemplate } from '#modules/mail/index.ts';
import { macroDefinition } from './macros.definition.ts';
import { ticketDefinition } from './tickets.definition.ts';
import { ticketsErrors } from './tickets.errors.ts';
import { lockTicket } from './tickets.repo.ts';
import { ZTicket, type TTicket } from './tickets.schema.ts';

export const ZAppliedMacro = z.object({
  kind: z.enum(['reply', 'note']),
  /** The body with its merge fields filled for this ticket, as the agent reads it (for the composer). */
  body: z.string(),
  ticket: ZTicket,
});
export type TAppliedMacro = z.infer<typeof ZAppliedMacro>;

/**
 * Applies a macro to a ticket: the fields it sets change now (audited, `ticket.updated`, a queue
 * change routes), and its body comes back filled with the ticket's merge fields, in the agent's
 * language, for the composer (the agent reviews and sends it). Needs read on the macro, update on the ticket.
 */
export async function applyMacro(o: { deps: Deps; ctx: RequestContext; id: string; macroId: string }): Promise<TAppliedMacro> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const macro = await loadVisible({ tx, ctx, def: macroDefinition, id: o.macroId, action: 'read' });
    await lockTicket(tx, o.id);
    let row = await loadVisible({ tx, ctx, def: ticketDefinition, id: o.id, action: 'update' });
    const changes: Record<string, unknown> = {};
    if (macro.set_status && macro.set_status !== row.status) changes.status = macro.set_status;
    if (macro.set_priority && macro.set_priority !== row.priority) changes.priority = macro.set_priority;
    if (macro.set_queue_id && macro.set_queue_id !== row.queue_id) changes.queueId = macro.set_queue_id;
    if (Object.keys(changes).length) {
      const updated = await updateInTx(tx, { deps, ctx, def: ticketDefinition, input: changes, row });
      if (!updated) throw ticketsErrors.changedMeanwhile();
      row = updated;
    }
    const values = await mergeValuesFor({ tx, deps, ctx, record: { object: 'ticket', id: o.id } });
    const rendered = renderTemplate({ template: { subject: '', body: (macro.body as string | null) ?? '' }, locale: ctx.locale, values });
    const [ticket] = await present({ tx, deps, ctx, def: ticketDefinition, rows: [row] });
    return { kind: macro.kind as 'reply' | 'note', body: rendered.text, ticket: ticket as TTicket };
  });
}
