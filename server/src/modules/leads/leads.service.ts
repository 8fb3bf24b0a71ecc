import { inTenant } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { type CaptureChannel, captureInTx, customerMatchesOf, duplicatesOf, probeOf } from './capture.service.ts';
import { listCaptures } from './captures.repo.ts';
import { leadDefinition } from './leads.definition.ts';
import type { TCreateLeadRequest, TLead, TLeadCreated } from './leads.schema.ts';

type Base = { deps: Deps; ctx: RequestContext };

/** Manual entry and API capture: create access, then the duplicate rules (allowDuplicate overrides a warning). */
export async function createLead(o: Base & { input: TCreateLeadRequest; channel: CaptureChannel }): Promise<TLeadCreated> {
  requireAccess(o.ctx.access, 'lead', 'create');
  const { allowDuplicate, ...input } = o.input;
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) =>
    captureInTx(tx, { deps: o.deps, ctx: o.ctx, input, channel: o.channel, allowDuplicate, meta: { ip: o.ctx.ip } }),
  );
}

/** Every arrival of a lead: created, merged into, or created despite a duplicate warning. */
export async function leadCaptures(o: Base & { id: string }) {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx: o.ctx, def: leadDefinition, id: o.id, action: 'read' });
    return (await listCaptures(tx, o.id)).map((c) => ({
      id: c.id,
      channel: c.channel,
      outcome: c.outcome,
      formId: c.form_id,
      matchedRule: c.matched_rule,
      data: c.data,
      createdAt: c.created_at.toISOString(),
    }));
  });
}

/** What a lead resembles now: other open leads (duplicate rules) and contacts / companies with their owners (撞单). */
export async function leadMatches(o: Base & { id: string }) {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: leadDefinition, id: o.id, action: 'read' });
    const [lead] = (await present({
      tx,
      deps: o.deps,
      ctx: { ...o.ctx, access: { ...o.ctx.access, isAdmin: true } },
      def: leadDefinition,
      rows: [row],
    })) as TLead[];
    if (!lead) return { duplicates: [], customerMatches: [] };
    const probe = probeOf({
      name: lead.name,
      companyName: lead.companyName,
      emails: lead.emails,
      phones: lead.phones.map((p) => ({ number: p.e164 ?? p.number })),
    });
    const duplicates = (await duplicatesOf({ tx, deps: o.deps, tenantId: o.ctx.tenantId, probe, exclude: lead.id })).map(({ action: _a, ...d }) => d);
    return { duplicates, customerMatches: await customerMatchesOf(tx, probe) };
  });
}

/** The same checks a create runs, without writing: for the form to show duplicates and 撞单 before saving. */
export async function checkLead(
  o: Base & {
    input: { name: string; companyName?: string | null | undefined; emails?: { address: string }[] | undefined; phones?: { number: string }[] | undefined };
  },
) {
  requireAccess(o.ctx.access, 'lead', 'read');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const probe = probeOf(o.input);
    const duplicates = (await duplicatesOf({ tx, deps: o.deps, tenantId: o.ctx.tenantId, probe })).map(({ action, ...d }) => ({ ...d, action }));
    return { duplicates, customerMatches: await customerMatchesOf(tx, probe) };
  });
}
