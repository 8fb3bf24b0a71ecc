import { inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { leadsErrors } from './leads.errors.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { referencesExist } from '#platform/records/related.repo.ts';
import { type FormRow, findForm, insertForm, listForms, updateForm } from './forms.repo.ts';
import type { TCreateLeadFormRequest, TFormField, TLeadForm, TUpdateLeadFormRequest } from './forms.schema.ts';

export const formToApi = (r: FormRow): TLeadForm => ({
  id: r.id,
  name: r.name,
  fields: r.fields as TFormField[],
  allowedOrigins: r.allowed_origins,
  successMessage: r.success_message as TLeadForm['successMessage'],
  redirectUrl: r.redirect_url,
  doubleOptIn: r.double_opt_in,
  ownerId: r.owner_id,
  source: r.source,
  campaign: r.campaign,
  active: r.active,
  submissions: r.submissions,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const COLUMNS: Record<string, string> = {
  name: 'name',
  allowedOrigins: 'allowed_origins',
  redirectUrl: 'redirect_url',
  doubleOptIn: 'double_opt_in',
  ownerId: 'owner_id',
  source: 'source',
  campaign: 'campaign',
  active: 'active',
};

function columnsOf(input: TUpdateLeadFormRequest): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, col] of Object.entries(COLUMNS)) if (field in input) columns[col] = (input as Record<string, unknown>)[field];
  if (input.fields) {
    const keys = input.fields.map((f) => f.key);
    const repeated = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (repeated >= 0) throw leadsErrors.formFieldRepeated(`fields.${repeated}.key`);
    if (!keys.includes('email') && !keys.includes('phone')) throw leadsErrors.formNeedsContact();
    columns.fields = JSON.stringify(input.fields);
  }
  if (input.successMessage) columns.success_message = JSON.stringify(input.successMessage);
  return columns;
}

type Base = { deps: Deps; ctx: RequestContext };
const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw leadsErrors.forbidden();
};

export async function listLeadForms(o: Base): Promise<TLeadForm[]> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await listForms(tx)).map(formToApi));
}

export async function getLeadForm(o: Base & { id: string }): Promise<TLeadForm> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await findForm(tx, o.id);
    if (!row) throw notFound('leadForm');
    return formToApi(row);
  });
}

/** Admins define forms; the name field is always there (a lead needs a name). Audited with an outbox event. */
export async function createLeadForm(o: Base & { input: TCreateLeadFormRequest }): Promise<TLeadForm> {
  requireAdmin(o.ctx);
  if (!o.input.fields.some((f) => f.key === 'name')) throw leadsErrors.formNeedsName();
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (o.input.ownerId && !(await referencesExist(tx, 'users', o.input.ownerId))) throw leadsErrors.invalidReference('ownerId', 'user');
    const row = await insertForm(tx, { ...columnsOf(o.input), tenant_id: o.ctx.tenantId, id: newId(), created_by: o.ctx.userId, updated_by: o.ctx.userId });
    const after = formToApi(row);
    await recordChange(tx, o.ctx, { action: 'created', objectType: 'lead_form', objectId: row.id, after });
    return after;
  });
}

export async function updateLeadForm(
  o: Base & { id: string; input: TUpdateLeadFormRequest; version: number | undefined; deleted?: boolean },
): Promise<TLeadForm> {
  requireAdmin(o.ctx);
  if (o.input.fields && !o.input.fields.some((f) => f.key === 'name')) throw leadsErrors.formNeedsName();
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await findForm(tx, o.id);
    if (!row) throw notFound('leadForm');
    if (o.version !== undefined && o.version !== row.version) throw leadsErrors.staleVersion(o.version, row.version);
    if (o.input.ownerId && !(await referencesExist(tx, 'users', o.input.ownerId))) throw leadsErrors.invalidReference('ownerId', 'user');
    const values = { ...columnsOf(o.input), updated_by: o.ctx.userId, ...(o.deleted ? { deleted_at: new Date() } : {}) };
    const updated = await updateForm(tx, o.id, values, row.version);
    if (!updated) throw leadsErrors.staleVersion(row.version, row.version + 1);
    const after = formToApi(updated);
    await recordChange(tx, o.ctx, { action: o.deleted ? 'deleted' : 'updated', objectType: 'lead_form', objectId: row.id, before: formToApi(row), after });
    return after;
  });
}

/** A web-to-lead form as a caller outside the module may know it (a workflow rule's "form submitted" trigger). */
export async function leadFormOf(tx: Tx, id: string): Promise<{ id: string; name: string } | undefined> {
  const form = await findForm(tx, id);
  return form && { id: form.id, name: form.name };
}
