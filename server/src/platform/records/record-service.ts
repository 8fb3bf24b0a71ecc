import type { Deps } from '../deps.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { fieldRule, mayTouch, ownerLimit, requireAccess, scopeOf } from '../access/access.ts';
import type { RequestContext } from '../context.ts';
import { customDefsOf } from '../custom-fields/custom-defs.memo.ts';
import { validateCustom } from '../custom-fields/validate.ts';
import { AppError, type FieldError, notFound } from '../errors/app-error.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordChange, recordChanges } from '../events/record-change.ts';
import { nextNumber } from '../numbering/numbering.ts';
import { newId } from '../ids.ts';
import { applyMasking, customMasks, withCustomMasks } from './masking.ts';
import type { CustomFieldDef } from '../custom-fields/custom-fields.types.ts';
import type { MapContext, ObjectDefinition, SensitiveField, WriteSettings } from './object-definition.ts';
import type { FieldCipher } from '../crypto/field-crypto.ts';
import { type Row, findRecord, insertRecord, insertRecords, updateRecord, updateRecords } from './records.repo.ts';
import { loadRelated, nameColumns, namesInRows, referencesExist, referencesExistMany, relatedIdsOf, relatedTables } from './related.repo.ts';
import { phoneRegionOf } from '../tenancy/phone-region.ts';
import { txMemo } from '#db/tx-memo.ts';
import { lookupNames } from '../objects/lookup-names.ts';
import { guardWrite } from './write-guards.ts';

// Once per transaction: an import writes thousands of records in one, each owned by the importer.
const userMemo = txMemo<boolean>();
const referenceExists = (tx: Tx, table: string, id: string) =>
  table === 'users' ? userMemo(tx, id, () => referencesExist(tx, table, id)) : referencesExist(tx, table, id);

export type Versioned = { id: string; version: number };

const hasCustomValues = (row: Row) => row.custom != null && typeof row.custom === 'object' && Object.keys(row.custom).length > 0;

export type MaskedFieldsOfOptions = { tx: Tx; def: Pick<ObjectDefinition<Versioned>, 'object' | 'sensitive'>; rows?: readonly Row[] };
/**
 * The object's masked fields: the declared ones and the custom fields an admin marked sensitive.
 * `rows`: only when one holds a custom value are the definitions read (a list without any saves the query).
 */
export async function maskedFieldsOf({ tx, def, rows }: MaskedFieldsOfOptions): Promise<SensitiveField[]> {
  if (rows && !rows.some(hasCustomValues)) return def.sensitive;
  return withCustomMasks(def.sensitive, await customDefsOf(tx, def.object));
}

type LockedCustomOptions = {
  ctx: RequestContext;
  def: Pick<ObjectDefinition<Versioned>, 'object'>;
  defs: readonly CustomFieldDef[];
  input: unknown;
  existing: Row | null;
  errors: FieldError[];
};

/**
 * A custom field marked sensitive is edited only with the edit rule, as a built-in masked field is:
 * without it, a new value is a field error, and the stored value sent back as is or as shown
 * masked (a form's round trip) is left out, unchanged.
 */
function lockedCustomOut(o: LockedCustomOptions): Record<string, unknown> | undefined {
  if (!o.input || typeof o.input !== 'object') return o.input as undefined;
  const input = { ...(o.input as Record<string, unknown>) };
  const stored = (o.existing?.custom ?? {}) as Record<string, unknown>;
  const masks = new Map(customMasks(o.defs).map((m) => [m.field, m]));
  for (const d of o.defs) {
    const field = `custom.${d.key}`;
    const mask = masks.get(field);
    if (!mask || !Object.hasOwn(input, d.key) || fieldRule(o.ctx.access, o.def.object, field).edit) continue;
    const was = stored[d.key];
    const shown = was == null ? null : applyMasking({ custom: stored }, o.def.object, [mask], o.ctx.access).custom;
    if (
      JSON.stringify(input[d.key] ?? null) === JSON.stringify(was ?? null) ||
      (shown && JSON.stringify(input[d.key]) === JSON.stringify((shown as Record<string, unknown>)[d.key]))
    )
      delete input[d.key];
    else o.errors.push({ field, message: 'fields.not_editable' });
  }
  return input;
}

/** The names of the masked fields: the audit trail and events record that they changed, never their values. */
const sensitiveNames = async (tx: Tx, def: Pick<ObjectDefinition<Versioned>, 'object' | 'sensitive'>) =>
  (await maskedFieldsOf({ tx, def })).map((s) => s.field);

export type PresentOptions<T extends Versioned> = { tx: Tx; deps: Deps; ctx: RequestContext; def: ObjectDefinition<T>; rows: Row[] };
/**
 * Maps rows to API objects and masks what the user may not read. Related names come with the rows
 * when they were read with `nameColumns` (lists, get by id), else from one query.
 */
export async function present<T extends Versioned>({ tx, deps, ctx, def, rows }: PresentOptions<T>): Promise<T[]> {
  const related =
    namesInRows(def, rows) ??
    (await loadRelated(
      tx,
      rows.flatMap((r) => [...relatedIdsOf(def, r), ...(r.owner_id ? [r.owner_id] : [])]),
      relatedTables(def, true),
    ));
  const mapCtx: MapContext = { cipher: await deps.ciphers.forTenant(ctx.tenantId, tx), access: ctx.access, related };
  const sensitive = ctx.access.isAdmin ? [] : await maskedFieldsOf({ tx, def, rows });
  // Lookup custom fields' targets by name, as far as the reader may read them (standard and custom objects alike).
  const lookups = await lookupNames(tx, { objects: deps.objects, access: ctx.access, object: def.object, rows });
  return rows.map((row) => {
    // toApi's object is new: adding the owner to it skips a spread, which V8 makes slow on wide objects.
    const record = Object.assign(def.toApi(row, mapCtx), { owner: row.owner_id ? (related.get(row.owner_id) ?? null) : null });
    if (lookups) Object.assign(record, { lookups: lookups(row) });
    return applyMasking(record as unknown as T & Record<string, unknown>, def.object, sensitive, ctx.access);
  });
}

export type LoadVisibleOptions<T extends Versioned> = {
  tx: Tx;
  ctx: RequestContext;
  def: ObjectDefinition<T>;
  id: string;
  action: 'read' | 'update' | 'delete';
} & {
  deleted?: boolean;
  names?: boolean;
};
/** Loads a record the user may see for `action`; 404 when hidden by scope, 403 when only readable. */
export async function loadVisible<T extends Versioned>({ tx, ctx, def, id, action, ...options }: LoadVisibleOptions<T>): Promise<Row> {
  const readScope = requireAccess(ctx.access, def.object, 'read');
  const row = await findRecord(tx, def.table, id, options.names ? nameColumns(def, def.table) : []);
  if (!row || (row.deleted_at !== null) !== (options.deleted ?? false) || !mayTouch(ctx.access, readScope, row.owner_id)) throw notFound(def.object);
  if (action !== 'read') {
    const scope = scopeOf(ctx.access, def.object, action);
    if (scope === 'none' || !mayTouch(ctx.access, scope, row.owner_id)) throw new AppError('forbidden');
  }
  return row;
}

type WriteOptions<T extends Versioned> = { deps: Deps; ctx: RequestContext; def: ObjectDefinition<T>; input: Record<string, unknown> };

/** What a batch of writes looked up once for all its rows: referenced ids that exist (`table:id`) and related names. */
type Preloaded = { existing: Set<string>; related: Map<string, { id: string; name: string }> };

/** Input -> columns, without the database: mapping, sensitive-field and owner rules. */
function baseColumns<T extends Versioned>(o: WriteOptions<T>, existing: Row | null, cipher: FieldCipher, write: WriteSettings, errors: FieldError[]) {
  const { ctx, def, input } = o;
  const columns = def.toColumns(input, errors, cipher, write);
  for (const s of def.sensitive) {
    if (Object.hasOwn(input, s.field) && !fieldRule(ctx.access, def.object, s.field).edit) errors.push({ field: s.field, message: 'fields.not_editable' });
  }
  const ownerId = (input.ownerId as string | undefined) ?? (existing ? undefined : ctx.userId);
  if (ownerId !== undefined) {
    const scope = scopeOf(ctx.access, def.object, existing ? 'update' : 'create');
    const allowed = scope !== 'none' && ((ownerLimit(ctx.access, scope) ?? [ownerId]).includes(ownerId) || scope === 'all');
    if (!allowed) errors.push({ field: 'ownerId', message: 'fields.not_editable' });
    columns.owner_id = ownerId;
  }
  return columns;
}

/** The references a write changes: [column, table] pairs whose id must exist. */
const changedReferences = <T extends Versioned>(def: ObjectDefinition<T>, columns: Record<string, unknown>, existing: Row | null) =>
  Object.entries(def.references ?? {}).filter(([column]) => columns[column] != null && columns[column] !== existing?.[column]);

/** The database half of preparing a write: references, custom fields, the object's own checks, derived columns. */
async function finishColumns<T extends Versioned>(
  tx: Tx,
  o: WriteOptions<T>,
  existing: Row | null,
  columns: Record<string, unknown>,
  errors: FieldError[],
  preloaded?: Preloaded,
): Promise<Record<string, unknown>> {
  const { def, input } = o;
  for (const [column, table] of changedReferences(def, columns, existing)) {
    const id = columns[column] as string;
    if (!(preloaded ? preloaded.existing.has(`${table}:${id}`) : await referenceExists(tx, table, id))) {
      errors.push({
        field: column === 'owner_id' ? 'ownerId' : column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
        message: 'fields.invalid_reference',
        params: { object: table === 'users' ? 'user' : table.replace(/ies$/, 'y').replace(/s$/, '') },
      });
    }
  }
  if (input.custom !== undefined || !existing) {
    const defs = await customDefsOf(tx, def.object);
    const custom = await validateCustom(tx, {
      defs,
      input: lockedCustomOut({ ctx: o.ctx, def, defs, input: input.custom, existing, errors }),
      existing: existing ? (existing.custom as Record<string, unknown>) : undefined,
      table: def.table,
      recordId: existing?.id ?? null,
      objectLabel: def.object,
      targetTable: (target) => o.deps.objects.tableOf(tx, target),
    });
    errors.push(...custom.errors);
    columns.custom = JSON.stringify(custom.value);
  }
  await def.prepare?.({ tx, ctx: o.ctx, input, columns, existing, errors });
  if (errors.length) throw new AppError('validation', { errors });
  if (!existing) await assignNumber(tx, o, columns);
  if (def.derived) {
    const merged = { ...(existing ?? {}), ...columns };
    const related = preloaded?.related ?? (await loadRelated(tx, relatedIdsOf(def, merged), relatedTables(def, false)));
    Object.assign(columns, def.derived(merged, related));
  }
  return columns;
}

/**
 * A new record of an object that declares `numbering` takes the next number of its series (named
 * after the object) once it is valid, unless its module's `prepare` set one (a quote's revision
 * keeps its number). Late in the transaction: the series stays locked until it commits.
 */
async function assignNumber<T extends Versioned>(tx: Tx, o: Pick<WriteOptions<T>, 'deps' | 'ctx' | 'def'>, columns: Record<string, unknown>): Promise<void> {
  const numbering = o.deps.objects.byName(o.def.object)?.numbering;
  if (numbering && columns.number == null)
    columns.number = await nextNumber(tx, { series: o.def.object, defaultPattern: numbering.defaultPattern, tenantId: o.ctx.tenantId });
}

const writeSettings = async (tx: Tx, ctx: RequestContext) => ({ phoneRegion: await phoneRegionOf(tx, ctx.tenantId) });

async function prepareColumns<T extends Versioned>(tx: Tx, o: WriteOptions<T>, existing: Row | null): Promise<Record<string, unknown>> {
  const errors: FieldError[] = [];
  const columns = baseColumns(o, existing, await o.deps.ciphers.forTenant(o.ctx.tenantId, tx), await writeSettings(tx, o.ctx), errors);
  return finishColumns(tx, o, existing, columns, errors);
}

type ManyOptions<T extends Versioned> = Omit<WriteOptions<T>, 'input'> & {
  inputs: Record<string, unknown>[];
  /** For updates: the stored row each input changes, in the same order. */
  existing?: Row[];
};
type Prepared = { columns: Record<string, unknown> } | { errors: FieldError[] };

/** Prepares many writes with one lookup per referenced table and one for related names; a refused input gets its field errors. */
async function prepareMany<T extends Versioned>(tx: Tx, o: ManyOptions<T>): Promise<Prepared[]> {
  const { def, ctx } = o;
  const cipher = await o.deps.ciphers.forTenant(ctx.tenantId, tx);
  const write = await writeSettings(tx, ctx);
  const bases = o.inputs.map((input, i) => {
    const errors: FieldError[] = [];
    const existing = o.existing?.[i] ?? null;
    return { input, existing, errors, columns: baseColumns({ ...o, input }, existing, cipher, write, errors) };
  });
  const wanted = new Map<string, Set<string>>();
  for (const b of bases)
    for (const [column, table] of changedReferences(def, b.columns, b.existing))
      wanted.set(table, (wanted.get(table) ?? new Set()).add(b.columns[column] as string));
  const found = new Set<string>();
  for (const [table, ids] of wanted) for (const id of await referencesExistMany(tx, table, [...ids])) found.add(`${table}:${id}`);
  const related = await loadRelated(
    tx,
    def.derived ? bases.flatMap((b) => relatedIdsOf(def, { ...(b.existing ?? {}), ...b.columns })) : [],
    relatedTables(def, false),
  );
  const prepared: Prepared[] = [];
  for (const b of bases) {
    try {
      prepared.push({ columns: await finishColumns(tx, { ...o, input: b.input }, b.existing, b.columns, b.errors, { existing: found, related }) });
    } catch (error) {
      if (!(error instanceof AppError) || !error.errors.length) throw error;
      prepared.push({ errors: error.errors });
    }
  }
  return prepared;
}

/** Checks many creates (or, with `existing`, updates) as createManyInTx or updateManyInTx would, writing nothing: each input's field errors, or null. */
export async function checkWrites<T extends Versioned>(tx: Tx, o: ManyOptions<T>): Promise<(FieldError[] | null)[]> {
  return (await prepareMany(tx, o)).map((p) => ('errors' in p ? p.errors : null));
}

/**
 * Many creates in the caller's transaction (imports), with the validation, audit and events of
 * createInTx but a statement per step instead of per record. Each input gets its row, or its
 * field errors and nothing written. Access is the caller's to check.
 */
export async function createManyInTx<T extends Versioned>(tx: Tx, o: ManyOptions<T>): Promise<({ row: Row } | { errors: FieldError[] })[]> {
  const { ctx, def } = o;
  const prepared = await prepareMany(tx, { ...o, existing: undefined });
  const ids = prepared.map(() => newId());
  const values = prepared.flatMap((p, i) =>
    // Object.assign, not a spread and more keys: V8's slow path, per imported row (see customerToApi).
    'columns' in p ? [Object.assign({}, p.columns, { tenant_id: ctx.tenantId, id: ids[i], created_by: ctx.userId, updated_by: ctx.userId })] : [],
  );
  const rows = await insertRecords(tx, def.table, values);
  await announce(
    tx,
    o,
    rows.map((after) => ({ before: null, after })),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return prepared.map((p, i) => ('errors' in p ? p : { row: byId.get(ids[i] as string) as Row }));
}

/**
 * Many updates of loaded rows in the caller's transaction (imports), as updateInTx does each:
 * optimistic UPDATEs in one statement (updateRecords), then one lookup of related names and one
 * audit and outbox insert for all. `conflict` when another write changed the row since it was loaded.
 */
export async function updateManyInTx<T extends Versioned>(
  tx: Tx,
  o: ManyOptions<T> & { existing: Row[] },
): Promise<({ row: Row } | { errors: FieldError[] } | { conflict: true })[]> {
  const { ctx, def } = o;
  const refused = await o.deps.writeGuards?.refusals({ tx, ctx, object: def.object, ids: o.existing.map((r) => r.id), action: 'update' });
  const prepared: Prepared[] = (await prepareMany(tx, o)).map((p, i) => {
    const error = refused?.get((o.existing[i] as Row).id);
    return error ? { errors: error.errors.length ? error.errors : [{ field: 'id', message: error.message, params: error.params }] } : p;
  });
  const writes = prepared.flatMap((p, i) => {
    const before = o.existing[i] as Row;
    return 'columns' in p ? [{ id: before.id, expectedVersion: before.version, values: Object.assign({}, p.columns, { updated_by: ctx.userId }) }] : [];
  });
  const afters = await updateRecords(tx, def.table, writes);
  const changed: { before: Row; after: Row }[] = [];
  let w = 0;
  const results = prepared.map((p, i) => {
    if ('errors' in p) return p;
    const before = o.existing[i] as Row;
    const after = afters[w++];
    if (!after) return { conflict: true as const };
    changed.push({ before, after });
    return { row: after };
  });
  await announce(tx, o, changed);
  return results;
}

/** The audit rows, events and object hooks of many writes, with one lookup of related names for all. */
async function announce<T extends Versioned>(tx: Tx, o: Omit<WriteOptions<T>, 'input'>, writes: { before: Row | null; after: Row }[]) {
  const { deps, ctx, def } = o;
  const befores = writes.flatMap((w) => (w.before ? [w.before] : []));
  const views = await present({ tx, deps, ctx: unmasked(ctx), def, rows: [...befores, ...writes.map((w) => w.after)] });
  const afterViews = views.slice(befores.length);
  const sensitive = await sensitiveNames(tx, def);
  let b = 0;
  await recordChanges(
    tx,
    ctx,
    writes.map((w, i) => ({
      action: w.before ? 'updated' : 'created',
      objectType: def.object,
      objectId: w.after.id,
      before: w.before ? views[b++] : null,
      after: afterViews[i],
      sensitive,
    })),
  );
  for (const w of writes) await def.afterWrite?.({ tx, ctx, before: w.before, after: w.after });
}

export async function createRecord<T extends Versioned>(o: WriteOptions<T>): Promise<T> {
  const { deps, ctx, def } = o;
  requireAccess(ctx.access, def.object, 'create');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => maskedFor(tx, ctx, def, (await writeCreate(tx, o)).after));
}

/** A create inside the caller's transaction (imports); same validation, audit and event as the API. Access is the caller's to check. */
export async function createInTx<T extends Versioned>(tx: Tx, o: WriteOptions<T>): Promise<Row> {
  return (await writeCreate(tx, o)).row;
}

/** The unmasked API view (what the audit records) masked for the caller, without mapping the row again. */
const maskedFor = async <T extends Versioned>(tx: Tx, ctx: RequestContext, def: ObjectDefinition<T>, full: T): Promise<T> =>
  ctx.access.isAdmin ? full : applyMasking(full as T & Record<string, unknown>, def.object, await maskedFieldsOf({ tx, def }), ctx.access);

const unmasked = (ctx: RequestContext): RequestContext => ({ ...ctx, access: { ...ctx.access, isAdmin: true } });

async function writeCreate<T extends Versioned>(tx: Tx, o: WriteOptions<T>): Promise<{ row: Row; after: T }> {
  const { deps, ctx, def } = o;
  const columns = await prepareColumns(tx, o, null);
  const row = await insertRecord(tx, def.table, { ...columns, tenant_id: ctx.tenantId, id: newId(), created_by: ctx.userId, updated_by: ctx.userId });
  const [after] = await present({ tx, deps, ctx: unmasked(ctx), def, rows: [row] });
  await recordChange(tx, ctx, { action: 'created', objectType: def.object, objectId: row.id, after, sensitive: await sensitiveNames(tx, def) });
  await def.afterWrite?.({ tx, ctx, before: null, after: row });
  return { row, after: after as T };
}

/** An update of a loaded row inside the caller's transaction (imports); undefined when another write got there first. */
export async function updateInTx<T extends Versioned>(tx: Tx, o: WriteOptions<T> & { row: Row }): Promise<Row | undefined> {
  return (await writeUpdate(tx, o))?.row;
}

async function writeUpdate<T extends Versioned>(tx: Tx, o: WriteOptions<T> & { row: Row }): Promise<{ row: Row; after: T } | undefined> {
  const { deps, ctx, def, row } = o;
  await guardWrite(deps.writeGuards, { tx, ctx, object: def.object, id: row.id, action: 'update' });
  const columns = await prepareColumns(tx, o, row);
  const updated = await updateRecord(tx, def.table, row.id, { ...columns, updated_by: ctx.userId }, row.version);
  if (!updated) return undefined;
  const [before, after] = await present({ tx, deps, ctx: unmasked(ctx), def, rows: [row, updated] });
  await recordChange(tx, ctx, { action: 'updated', objectType: def.object, objectId: row.id, before, after, sensitive: await sensitiveNames(tx, def) });
  await def.afterWrite?.({ tx, ctx, before: row, after: updated });
  return { row: updated, after: after as T };
}

export async function updateRecordWithVersion<T extends Versioned>(o: WriteOptions<T> & { id: string; version: number | undefined }): Promise<T> {
  const { deps, ctx, def } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx, def, id: o.id, action: 'update' });
    if (o.version !== undefined && o.version !== row.version)
      throw new AppError('precondition_failed', { params: { expected: o.version, actual: row.version } });
    const written = await writeUpdate(tx, { ...o, row });
    if (!written) throw new AppError('precondition_failed', { params: { expected: row.version, actual: row.version + 1 } });
    return maskedFor(tx, ctx, def, written.after);
  });
}

/** Soft delete into the recycle bin, or restore from it. */
export async function setDeleted<T extends Versioned>(o: Omit<WriteOptions<T>, 'input'> & { id: string; deleted: boolean }): Promise<T> {
  const { deps, ctx, def } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx, def, id: o.id, action: 'delete', deleted: !o.deleted });
    await guardWrite(deps.writeGuards, { tx, ctx, object: def.object, id: row.id, action: o.deleted ? 'delete' : 'restore' });
    const updated = await updateRecord(tx, def.table, row.id, { deleted_at: o.deleted ? new Date() : null, updated_by: ctx.userId }, row.version);
    if (!updated) throw new AppError('precondition_failed', { params: { expected: row.version, actual: row.version + 1 } });
    await recordChange(tx, ctx, {
      action: o.deleted ? 'deleted' : 'restored',
      objectType: def.object,
      objectId: row.id,
      before: { deletedAt: row.deleted_at },
      after: { deletedAt: updated.deleted_at },
    });
    await def.afterWrite?.({ tx, ctx, before: row, after: updated });
    return (await present({ tx, deps, ctx, def, rows: [updated] }))[0] as T;
  });
}

/** Returns one sensitive value in clear to a user allowed to read it, and audits that it was shown. */
export async function revealField<T extends Versioned>(o: Omit<WriteOptions<T>, 'input'> & { id: string; field: string }): Promise<unknown> {
  const { deps, ctx, def } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    if (!(await maskedFieldsOf({ tx, def })).some((s) => s.field === o.field))
      throw new AppError('validation', { errors: [{ field: 'field', message: 'fields.unknown_field' }] });
    if (!fieldRule(ctx.access, def.object, o.field).read) throw new AppError('forbidden');
    const row = await loadVisible({ tx, ctx, def, id: o.id, action: 'read' });
    const [record] = await present({ tx, deps, ctx, def, rows: [row] });
    await writeAudit(tx, ctx, { action: 'revealed', objectType: def.object, objectId: row.id, changes: { [o.field]: { from: null, to: '***' } } });
    const view = record as Record<string, unknown> | undefined;
    const custom = o.field.startsWith('custom.') ? (view?.custom as Record<string, unknown> | undefined) : undefined;
    return (custom ? custom[o.field.slice('custom.'.length)] : view?.[o.field]) ?? null;
  });
}
