import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { refuseSuppressed } from '#modules/privacy/index.ts';
import { createInTx, present, updateInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { insertCapture } from './captures.repo.ts';
import { type DuplicateHit, decide, type LeadProbe } from './dedup.rules.ts';
import { findCustomerMatches, findDuplicateLeads } from './dedup.repo.ts';
import { normalizeLeadPhones } from './lead-phones.rules.ts';
import { loadLeadSettings } from './lead-settings.service.ts';
import { leadDefinition } from './leads.definition.ts';
import type { TCreateLeadRequest, TCustomerMatch, TLead, TLeadCreated } from './leads.schema.ts';
import { mergeInput } from './merge.rules.ts';

export type CaptureChannel = 'manual' | 'api' | 'form' | 'import';

export type CaptureOptions = {
  deps: Deps;
  ctx: RequestContext;
  input: Omit<TCreateLeadRequest, 'allowDuplicate'> & Record<string, unknown>;
  channel: CaptureChannel;
  allowDuplicate?: boolean | undefined;
  formId?: string | null;
  meta?: { ip?: string | null; userAgent?: string | null; data?: Record<string, unknown> };
  /** Capture-only columns of a new lead (form_id, confirmation). */
  columns?: Record<string, unknown>;
};

/** Emails and E.164 phones of an input; invalid phones are reported, not probed. */
export function probeOf(input: CaptureOptions['input']): LeadProbe {
  const errors: FieldError[] = [];
  const phones = normalizeLeadPhones(input.phones ?? [], errors);
  if (errors.length) throw leadsErrors.invalidFields(errors);
  return {
    name: input.name,
    companyName: input.companyName ?? null,
    emails: (input.emails ?? []).map((e) => e.address.trim().toLowerCase()),
    phones: phones.flatMap((p) => (p.e164 ? [p.e164] : [])),
  };
}

export type DuplicatesOfOptions = { tx: Tx; deps: Deps; tenantId: string; probe: LeadProbe; exclude?: string | null };
export async function duplicatesOf({ tx, deps, tenantId, probe, exclude = null }: DuplicatesOfOptions): Promise<DuplicateHit[]> {
  const settings = await loadLeadSettings({ tx, deps, tenantId });
  const hits = await findDuplicateLeads(tx, settings.dedupRules, probe, exclude);
  return hits.map((h) => ({
    id: h.id,
    name: h.name,
    rule: h.kind,
    action: h.rule.action,
    owner: h.owner_id ? { id: h.owner_id, name: h.owner_name ?? '' } : null,
  }));
}

export async function customerMatchesOf(tx: Tx, probe: LeadProbe): Promise<TCustomerMatch[]> {
  return (await findCustomerMatches(tx, probe)).map((m) => ({
    object: m.object,
    id: m.id,
    name: m.name,
    matchedOn: m.matched_on,
    owner: m.owner_id ? { id: m.owner_id, name: m.owner_name ?? '' } : null,
  }));
}

/**
 * One capture on any path (manual, API, form, import), in the caller's transaction: the duplicate
 * rules decide block / warn / merge, the lead is created or merged into, the capture is logged
 * and `lead.captured` emitted beside the record's own `lead.created` / `lead.updated`.
 */
export async function captureInTx(tx: Tx, o: CaptureOptions): Promise<TLeadCreated> {
  const { deps, ctx, input } = o;
  const probe = probeOf(input);
  // A person who opted out or was erased is not brought back by a form, an import or the API (#21).
  await refuseSuppressed({ tx, deps, tenantId: ctx.tenantId, emails: probe.emails, phones: probe.phones });
  const hits = await duplicatesOf({ tx, deps, tenantId: ctx.tenantId, probe });
  const decisive = decide(hits);
  const customerMatches = await customerMatchesOf(tx, probe);
  const duplicates = hits.map(({ action: _a, ...h }) => h);
  if (decisive && (decisive.action === 'block' || (decisive.action === 'warn' && !o.allowDuplicate))) {
    const blocked = decisive.action === 'block';
    throw leadsErrors.duplicate({
      blocked,
      rule: translate(ctx.locale, `dedup.${decisive.rule}`),
      name: decisive.name,
      extensions: { action: decisive.action, duplicates, customerMatches },
    });
  }
  let row: Row;
  let outcome: 'created' | 'merged' | 'duplicate_allowed' = decisive ? 'duplicate_allowed' : 'created';
  if (decisive?.action === 'merge') {
    const existing = (await findRecord(tx, 'leads', decisive.id)) as Row;
    const patch = mergeInput(existing, input);
    row = Object.keys(patch).length ? ((await updateInTx(tx, { deps, ctx, def: leadDefinition, input: patch, row: existing })) ?? existing) : existing;
    outcome = 'merged';
  } else {
    const { ownerId, ...rest } = input;
    // A capture without a user (web form) may leave the lead unassigned for the assignment rules.
    const values = ownerId !== undefined || ctx.userId ? input : rest;
    row = await createInTx(tx, { deps, ctx, def: leadDefinition, input: { ...values, ...o.columns, ...(decisive ? { duplicate_of: decisive.id } : {}) } });
  }
  await insertCapture(tx, ctx.tenantId, {
    lead_id: row.id,
    channel: o.channel,
    outcome,
    form_id: o.formId ?? null,
    matched_rule: decisive?.rule ?? null,
    data: { ...input, ...(o.meta?.data ?? {}) },
    ip: o.meta?.ip ?? null,
    user_agent: o.meta?.userAgent ?? null,
    created_by: ctx.userId,
  });
  await emitEvent(tx, ctx, {
    type: 'lead.captured',
    objectType: 'lead',
    objectId: row.id,
    payload: { channel: o.channel, formId: o.formId ?? null, outcome, matchedRule: decisive?.rule ?? null, source: input.source ?? null },
  });
  const [lead] = (await present({ tx, deps, ctx, def: leadDefinition, rows: [row] })) as TLead[];
  return { ...(lead as TLead), duplicates: outcome === 'merged' ? [] : duplicates, customerMatches, merged: outcome === 'merged' };
}
