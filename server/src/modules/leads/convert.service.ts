import { companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { createInTx, loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { lockLead } from './convert.repo.ts';
import type { TConvertLeadRequest, TConvertLeadResponse } from './convert.schema.ts';
import { createDealForLead } from './deal-link.service.ts';
import { applyMapping } from './field-mapping.service.ts';
import { loadLeadSettings } from './lead-settings.service.ts';
import { leadDefinition } from './leads.definition.ts';
import type { TLead } from './leads.schema.ts';

type ConvertOptions = { deps: Deps; ctx: RequestContext; id: string; input: TConvertLeadRequest };

/** The lead, locked, visible and updatable by the caller, not yet converted. */
async function lockConvertible(tx: Tx, ctx: RequestContext, id: string): Promise<Row> {
  await loadVisible({ tx, ctx, def: leadDefinition, id, action: 'update' });
  const row = await lockLead(tx, id);
  if (!row || row.deleted_at) throw notFound('lead');
  if (row.converted_at) {
    const at = (row.converted_at as Date).toISOString().slice(0, 10);
    throw leadsErrors.alreadyConverted(at, {
      contactId: row.converted_contact_id,
      companyId: row.converted_company_id,
      dealId: row.converted_deal_id,
    });
  }
  if (row.status === 'unqualified') throw leadsErrors.unqualifiedConvert();
  return row;
}

async function linkable(tx: Tx, ctx: RequestContext, object: 'contact' | 'company', id: string, field: string): Promise<Row> {
  try {
    return object === 'contact'
      ? await loadVisible({ tx, ctx, def: contactDefinition, id, action: 'read' })
      : await loadVisible({ tx, ctx, def: companyDefinition, id, action: 'read' });
  } catch {
    throw leadsErrors.invalidReference(field, object);
  }
}

/**
 * Converts a lead in one transaction: the company and contact are created from the tenant's
 * field mapping (or linked), a deal is opened when asked, and the lead records all three ids.
 */
export async function convertLead(o: ConvertOptions): Promise<TConvertLeadResponse> {
  const { deps, ctx, input } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await lockConvertible(tx, ctx, o.id);
    const [lead] = (await present({ tx, deps, ctx: { ...ctx, access: { ...ctx.access, isAdmin: true } }, def: leadDefinition, rows: [row] })) as TLead[];
    if (!lead) throw notFound('lead');
    const settings = await loadLeadSettings({ tx, deps, tenantId: ctx.tenantId });
    const mapped = applyMapping(lead, settings.mapping);
    const ownerId = input.ownerId ?? lead.ownerId ?? ctx.userId ?? undefined;
    const owner = ownerId ? { ownerId } : {};

    let company: TConvertLeadResponse['company'] = null;
    if (input.company.mode === 'link') {
      const c = await linkable(tx, ctx, 'company', input.company.id, 'company.id');
      company = { id: c.id, name: c.name as string, created: false };
    } else if (input.company.mode === 'create') {
      requireAccess(ctx.access, 'company', 'create');
      const name = input.company.name ?? (mapped.company.name as string | undefined) ?? lead.companyName;
      if (!name) throw leadsErrors.required('company.name');
      const c = await createInTx(tx, { deps, ctx, def: companyDefinition, input: { ...mapped.company, name, ...owner } });
      company = { id: c.id, name: c.name as string, created: true };
    }

    let contact: TConvertLeadResponse['contact'];
    if (input.contact.mode === 'link') {
      const c = await linkable(tx, ctx, 'contact', input.contact.id, 'contact.id');
      contact = { id: c.id, name: c.name as string, created: false };
    } else {
      requireAccess(ctx.access, 'contact', 'create');
      const c = await createInTx(tx, {
        deps,
        ctx,
        def: contactDefinition,
        input: { name: lead.name, ...mapped.contact, ...(company ? { companyId: company.id } : {}), ...owner },
      });
      contact = { id: c.id, name: c.name as string, created: true };
    }

    const deal = input.deal
      ? await createDealForLead(tx, { deps, ctx, lead, deal: input.deal, contactId: contact.id, companyId: company?.id ?? null, ownerId: ownerId ?? null })
      : null;

    const convertedAt = new Date();
    const updated = await updateInTx(tx, {
      deps,
      ctx,
      def: leadDefinition,
      row,
      input: {
        status: 'converted',
        converted_at: convertedAt,
        converted_by: ctx.userId,
        converted_contact_id: contact.id,
        converted_company_id: company?.id ?? null,
        converted_deal_id: deal?.id ?? null,
      },
    });
    if (!updated) throw leadsErrors.staleVersion(row.version, row.version + 1);
    await emitEvent(tx, ctx, {
      type: 'lead.converted',
      objectType: 'lead',
      objectId: row.id,
      payload: {
        contactId: contact.id,
        companyId: company?.id ?? null,
        dealId: deal?.id ?? null,
        contactCreated: contact.created,
        companyCreated: company?.created ?? false,
      },
    });
    return { leadId: row.id, contact, company, deal, convertedAt: convertedAt.toISOString() };
  });
}
