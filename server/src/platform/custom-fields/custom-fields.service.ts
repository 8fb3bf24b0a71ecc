import { inSystem, inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError, type FieldError, notFound } from '../errors/app-error.ts';
import { recordChange } from '../events/record-change.ts';
import { newId } from '../ids.ts';
import * as repo from './custom-fields.repo.ts';
import type { TCreateCustomFieldRequest, TUpdateCustomFieldRequest } from './custom-fields.schema.ts';
import type { CustomFieldDef } from './custom-fields.types.ts';
import { checkValue } from './validate.ts';
import { customObjectErrors } from '../objects/custom-objects.errors.ts';
import { createFieldIndex, dropFieldIndex } from '../objects/custom-objects.repo.ts';
import { customValueExpr } from '../query/catalog.ts';
import { FILTER_TYPE } from './custom-fields.types.ts';

const requireAdmin = (ctx: RequestContext) => {
  if (!ctx.access.isAdmin) throw new AppError('forbidden');
};

function checkDefinition(def: Pick<CustomFieldDef, 'type' | 'options' | 'key' | 'label'> & { defaultValue?: unknown }) {
  const errors: FieldError[] = [];
  if (!def.label.zh && !def.label.en) errors.push({ field: 'label', message: 'fields.required' });
  if ((def.type === 'select' || def.type === 'multiselect') && def.options.length === 0) errors.push({ field: 'options', message: 'fields.required' });
  if (new Set(def.options.map((o) => o.value)).size !== def.options.length)
    errors.push({ field: 'options', message: 'fields.not_unique', params: { object: 'option' } });
  if (def.defaultValue !== undefined && def.defaultValue !== null) {
    const checked = checkValue(def, def.defaultValue);
    if (!checked.ok) errors.push({ field: 'defaultValue', message: checked.message });
  }
  if (errors.length) throw new AppError('validation', { errors });
}

/** The object takes custom fields and a lookup's target is a record object; returns the custom object's table, if it is one. */
async function checkObjects(tx: Tx, deps: Deps, input: TCreateCustomFieldRequest): Promise<string | null> {
  const objects = await deps.objects.forTenant(tx);
  const object = objects.find((d) => d.name === input.object);
  if (!object) throw customObjectErrors.unknownObject('object');
  if (!object.capabilities.includes('customFields')) throw customObjectErrors.noCustomFields();
  if (input.type === 'lookup') {
    if (!input.target) throw customObjectErrors.targetRequired();
    if (!objects.some((d) => d.name === input.target && d.definition)) throw customObjectErrors.unknownObject('target');
  } else if (input.target !== undefined) throw customObjectErrors.targetNotAllowed();
  return object.custom ? (object.definition?.table ?? null) : null;
}

/** Types whose lists usually sort newest or largest first. */
const DESCENDING = new Set(['number', 'decimal', 'date', 'datetime']);

/**
 * A custom object's field gets an index on the expression its filters and sorts use (a custom
 * object has no other columns to filter by). DDL runs as the owner role, after the definition is
 * committed; failing, the field still works, only unindexed.
 */
async function indexField(deps: Deps, o: { table: string; def: CustomFieldDef }) {
  const type = FILTER_TYPE[o.def.type];
  if (type === 'tags' || o.def.type === 'longtext') return;
  try {
    await inSystem(deps.db.kysely, (tx) =>
      createFieldIndex(tx, { table: o.table, key: o.def.key, expr: customValueExpr(o.def.key, type), descending: DESCENDING.has(type) }),
    );
  } catch (error) {
    deps.log.warn({ err: error, table: o.table, key: o.def.key }, 'custom field index not created');
  }
}

const asJson = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

export type ListCustomFieldsOptions = { deps: Deps; ctx: RequestContext; object?: CustomFieldDef['object'] };
export async function listCustomFields({ deps, ctx, object }: ListCustomFieldsOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.listDefs(tx, object));
}

export type CreateCustomFieldOptions = { deps: Deps; ctx: RequestContext; input: TCreateCustomFieldRequest };
export async function createCustomField({ deps, ctx, input }: CreateCustomFieldOptions) {
  requireAdmin(ctx);
  checkDefinition(input);
  const created = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const table = await checkObjects(tx, deps, input);
    if (await repo.findDefByKey(tx, input.object, input.key)) {
      throw new AppError('validation', { errors: [{ field: 'key', message: 'fields.not_unique', params: { object: 'customField' } }] });
    }
    const row = await repo.insertDef(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      object: input.object,
      key: input.key,
      label: JSON.stringify(input.label),
      type: input.type,
      required: input.required,
      is_unique: input.unique,
      sensitive: input.sensitive,
      default_value: asJson(input.defaultValue) ?? null,
      options: JSON.stringify(input.options),
      target: input.target ?? null,
      position: input.position ?? 0,
    });
    const def = repo.toDef(row);
    await recordChange(tx, ctx, { action: 'created', objectType: 'customField', objectId: def.id, after: def });
    return { def, table };
  });
  if (created.table) await indexField(deps, { table: created.table, def: created.def });
  return created.def;
}

export type UpdateCustomFieldOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateCustomFieldRequest; version?: number };
export async function updateCustomField({ deps, ctx, id, input, version }: UpdateCustomFieldOptions) {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findDef(tx, id);
    if (!row) throw notFound('customField');
    const before = repo.toDef(row);
    const merged = { ...before, ...input };
    checkDefinition(merged);
    if (version !== undefined && version !== before.version)
      throw new AppError('precondition_failed', { params: { expected: version, actual: before.version } });
    const values: Record<string, unknown> = {
      label: asJson(input.label),
      required: input.required,
      is_unique: input.unique,
      sensitive: input.sensitive,
      default_value: input.defaultValue === undefined ? undefined : (asJson(input.defaultValue) ?? null),
      options: asJson(input.options),
      position: input.position,
    };
    const updated = await repo.updateDef(tx, id, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), before.version);
    if (!updated) throw new AppError('precondition_failed', { params: { expected: before.version, actual: '?' } });
    const after = repo.toDef(updated);
    await recordChange(tx, ctx, { action: 'updated', objectType: 'customField', objectId: id, before, after });
    return after;
  });
}

export type DeleteCustomFieldOptions = { deps: Deps; ctx: RequestContext; id: string };
/** Removing a definition hides the field; stored values stay in `custom` and return if re-added. */
export async function deleteCustomField({ deps, ctx, id }: DeleteCustomFieldOptions) {
  requireAdmin(ctx);
  const dropped = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findDef(tx, id);
    if (!row) throw notFound('customField');
    await repo.deleteDef(tx, id);
    await recordChange(tx, ctx, { action: 'deleted', objectType: 'customField', objectId: id, before: repo.toDef(row) });
    const object = (await deps.objects.forTenant(tx)).find((d) => d.name === row.object);
    return object?.custom && object.definition ? { table: object.definition.table, key: row.key } : null;
  });
  if (dropped) await inSystem(deps.db.kysely, (tx) => dropFieldIndex(tx, dropped));
}
