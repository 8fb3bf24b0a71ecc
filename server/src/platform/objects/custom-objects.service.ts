import { inSystem, inTenant } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { recordChange } from '../events/record-change.ts';
import { newId } from '../ids.ts';
import { customObjectErrors } from './custom-objects.errors.ts';
import * as repo from './custom-objects.repo.ts';
import type { TCreateCustomObjectRequest, TCustomObject, TUpdateCustomObjectRequest } from './custom-objects.schema.ts';

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw new AppError('forbidden');
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export const toCustomObject = (row: repo.CustomObjectRow): TCustomObject => ({
  id: row.id,
  name: row.name,
  label: row.label,
  description: row.description ?? {},
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  version: row.version,
});

/**
 * Paths a custom object may not take: every `/api/v1/<segment>` a module serves, every standard
 * object's name, and the paths of standard objects the roadmap adds (issues 18-20), so a later
 * release never shadows a tenant's object.
 */
const PLANNED = [
  'products',
  'price-books',
  'quotes',
  'orders',
  'contracts',
  'payment-plans',
  'payments',
  'invoices',
  'receivables',
  'tickets',
  'queues',
  'slas',
  'articles',
  'surveys',
  'campaigns',
  'segments',
  'journeys',
  'coupons',
  'workflows',
  'rules',
  'approvals',
  'webhooks',
  'notifications',
  'email-templates',
  'dashboards',
  'reports',
  'objects',
  'custom-objects',
];

export type CreateCustomObjectOptions = { deps: Deps; ctx: RequestContext; input: TCreateCustomObjectRequest; reserved: ReadonlySet<string> };

/** Creates the object and its records table in one transaction (DDL runs as the owner role; the row names its tenant). */
export async function createCustomObject(o: CreateCustomObjectOptions): Promise<TCustomObject> {
  const { deps, ctx, input } = o;
  requireAdmin(ctx);
  if (o.reserved.has(input.name) || PLANNED.includes(input.name) || deps.objects.byName(input.name)) throw customObjectErrors.nameReserved();
  const taken = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.nameInUse(tx, input.name));
  if (taken) throw customObjectErrors.nameTaken();
  const id = newId();
  // The random tail of the UUIDv7: short enough for index names (table_f_<key>) within 63 characters.
  const table = `co_${id.replace(/-/g, '').slice(-16)}`;
  try {
    return await inSystem(deps.db.kysely, async (tx) => {
      const row = await repo.insertObject(tx, {
        tenant_id: ctx.tenantId,
        id,
        name: input.name,
        table_name: table,
        label: JSON.stringify(input.label),
        description: JSON.stringify(input.description),
        created_by: ctx.userId,
      });
      await repo.createRecordTable(tx, table);
      const after = toCustomObject(row);
      await recordChange(tx, ctx, { action: 'created', objectType: 'customObject', objectId: id, after });
      return after;
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if ((error as { code?: string }).code === '23505') throw customObjectErrors.nameTaken();
    throw error;
  }
}

export async function listCustomObjects(o: { deps: Deps; ctx: RequestContext }): Promise<TCustomObject[]> {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await repo.listObjects(tx)).map(toCustomObject));
}

export async function updateCustomObject(o: { deps: Deps; ctx: RequestContext; id: string; input: TUpdateCustomObjectRequest; version?: number | undefined }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findObject(tx, o.id);
    if (!row) throw notFound('customObject');
    if (o.version !== undefined && o.version !== row.version)
      throw new AppError('precondition_failed', { params: { expected: o.version, actual: row.version } });
    const values: Record<string, unknown> = {};
    if (o.input.label) values.label = JSON.stringify(o.input.label);
    if (o.input.description) values.description = JSON.stringify(o.input.description);
    const updated = await repo.updateObject(tx, { id: o.id, version: row.version, values: { ...values, updated_by: o.ctx.userId } });
    if (!updated) throw new AppError('precondition_failed', { params: { expected: row.version, actual: row.version + 1 } });
    const [before, after] = [toCustomObject(row), toCustomObject(updated)];
    await recordChange(tx, o.ctx, { action: 'updated', objectType: 'customObject', objectId: o.id, before, after });
    return after;
  });
}

/** Retires an object with no live records; its table stays (records in the recycle bin keep their history). */
export async function deleteCustomObject(o: { deps: Deps; ctx: RequestContext; id: string }): Promise<void> {
  requireAdmin(o.ctx);
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findObject(tx, o.id);
    if (!row) throw notFound('customObject');
    const count = await repo.countLiveRecords(tx, row.table_name);
    if (count > 0) throw customObjectErrors.notEmpty(count);
    await repo.updateObject(tx, { id: o.id, version: row.version, values: { deleted_at: new Date(), updated_by: o.ctx.userId } });
    await repo.deleteObjectSettings(tx, row.name);
    await recordChange(tx, o.ctx, { action: 'deleted', objectType: 'customObject', objectId: o.id, before: toCustomObject(row) });
  });
}
