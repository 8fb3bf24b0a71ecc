import { releaseSavepoint, rollbackToSavepoint, savepoint } from './savepoints.repo.ts';
import type { Tx } from '#db/tx.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, type FieldError } from '#platform/errors/app-error.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { toE164 } from '#platform/phones.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { createInTx, updateInTx, type Versioned } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { findByName, findByUniqueKey, findMatch, journal, journalEntry, type MatchKey } from './import-records.repo.ts';
import { uniqueKeyOf } from './match-keys.rules.ts';
import { resolveReferences } from './row-references.service.ts';
import type { TDedupRule, TImportOptions } from './imports.schema.ts';
import { rowToInput, type MappingEntry } from './row-input.mapper.ts';
import { validateInput } from './row-validation.rules.ts';
import { SUPPRESSED, suppressedInputs } from './import-suppression.service.ts';

export type RowOutcome = 'created' | 'updated' | 'skipped' | { errors: FieldError[] };

export type RowContext = {
  deps: Deps;
  ctx: RequestContext;
  importId: string;
  /** The registry object rows go into, its import spec and record definition. */
  object: string;
  spec: ImportSpec;
  def: ObjectDefinition<Versioned>;
  /** The record definition of the spec's parent object (a contact's company), when it has one. */
  parentDef?: ObjectDefinition<Versioned> | undefined;
  mapping: MappingEntry[];
  dedup: TDedupRule;
  options: TImportOptions;
  customDefs: CustomFieldDef[];
  /** The tenant's default phone region (ISO 3166 alpha-2) for numbers without a country code. */
  phoneRegion?: string;
  /** The tenant's zone for date-times without an offset (loaded on first use). */
  timezone?: string;
};

async function createParent(tx: Tx, rc: RowContext, name: string, rowNumber: number): Promise<string> {
  const def = rc.parentDef as ObjectDefinition<Versioned>;
  const created = await createInTx(tx, { deps: rc.deps, ctx: rc.ctx, def, input: { name, source: rc.options.defaultSource } });
  await journal(tx, rc.ctx.tenantId, rc.importId, journalEntry(def.object, rowNumber, created));
  return created.id;
}

/** Whether the row names a parent record that is not there yet and will be created for it. */
export type ParentToCreateOptions = { rc: RowContext; parentName: string | null; input: Record<string, unknown> };
export const parentToCreate = ({ rc, parentName, input }: ParentToCreateOptions) =>
  !!parentName && !!rc.spec.parent && !input[rc.spec.parent.idField] && rc.options.createCompanies;

/** The key to look a row up by: none when it is name + parent and the parent is still to be created (it has no children yet). */
export type LookupKeyOptions<K> = { rc: RowContext; key: K | null; unborn: boolean };
export const lookupKey = <K>({ rc, key, unborn }: LookupKeyOptions<K>): K | null => (unborn && rc.dedup.match === 'nameCompany' ? null : key);

export function matchKey(rc: RowContext, input: Record<string, unknown>): MatchKey | null {
  const { match } = rc.dedup;
  if (match === 'none' || match === 'field' || !rc.spec.matches.includes(match)) return null;
  if (match === 'email') return { email: (input.emails as { address: string }[] | undefined)?.[0]?.address };
  if (match === 'phone')
    return { e164: ((input.phones as { number: string }[] | undefined) ?? []).map((p) => toE164(p.number)).filter((e): e is string => !!e) };
  const parent = rc.spec.parent;
  return { name: input.name as string | undefined, parentId: parent ? ((input[parent.idField] as string | undefined) ?? null) : null };
}

/**
 * The record a row is the same as: by the dedup rule's key, or (match `field`) the one live record
 * holding the row's unique value; a blank value or several holders refuse the row. `create` matches nothing.
 */
async function existingOf(tx: Tx, rc: RowContext, input: Record<string, unknown>, unborn: boolean): Promise<{ existing?: Row } | { errors: FieldError[] }> {
  const { match, field, action } = rc.dedup;
  if (match !== 'field') {
    const key = lookupKey({ rc, key: matchKey(rc, input), unborn });
    return key ? { existing: await findMatch(tx, rc.def.table, key, rc.spec.parent?.column) } : {};
  }
  if (action === 'create' || !field) return {};
  const key = uniqueKeyOf({ spec: rc.spec, customDefs: rc.customDefs, field, input });
  if (!key) return {};
  if ('error' in key) return { errors: [key.error] };
  const holders = await findByUniqueKey(tx, rc.def.table, key);
  if (holders.length > 1) return { errors: [{ field, message: 'imports.match_ambiguous', params: { value: key.value } }] };
  return { existing: holders[0] };
}

/** Writes one row: links its parent, applies the dedup rule, creates or updates through the record service. */
async function writeRow(tx: Tx, rc: RowContext, row: string[], rowNumber: number): Promise<RowOutcome> {
  const { deps, ctx, object, spec, def } = rc;
  const built = rowToInput(spec, row, rc.mapping, rc.customDefs, rc.phoneRegion);
  if (built.errors.length) return { errors: built.errors };
  const input = built.input;
  if ((await suppressedInputs(tx, { rc, inputs: [input] })).size) return { errors: [SUPPRESSED] };
  const unresolved = await resolveReferences(tx, { rc, refs: built.refs, input });
  if (unresolved.length) return { errors: unresolved };
  // The parent is created only for a row that is written (a skipped row adds nothing); until then
  // it has no children, so a row naming it cannot match by name + parent.
  const { parentName } = built;
  if (parentName && spec.parent && rc.parentDef) input[spec.parent.idField] = (await findByName(tx, rc.parentDef.table, parentName))?.id ?? null;
  const unborn = parentToCreate({ rc, parentName, input });
  const found = await existingOf(tx, rc, input, unborn);
  if ('errors' in found) return found;
  const { existing } = found;
  if (existing && rc.dedup.action === 'skip') return 'skipped';
  if (unborn && parentName && spec.parent) input[spec.parent.idField] = await createParent(tx, rc, parentName, rowNumber);
  if (existing && rc.dedup.action === 'update') {
    const scope = scopeOf(ctx.access, object, 'update');
    if (scope === 'none' || !mayTouch(ctx.access, scope, existing.owner_id ?? null)) return { errors: [{ field: 'row', message: 'imports.may_not_update' }] };
    const checked = validateInput(spec, 'update', input);
    if (!checked.ok) return { errors: checked.errors };
    const updated = await updateInTx(tx, { deps, ctx, def, input: checked.value, row: existing });
    if (!updated) return { errors: [{ field: 'row', message: 'imports.changed_meanwhile' }] };
    await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, updated, existing));
    return 'updated';
  }
  if (!('source' in input) && spec.fields.includes('source')) input.source = rc.options.defaultSource;
  const checked = validateInput(spec, 'create', input);
  if (!checked.ok) return { errors: checked.errors };
  return createRow(tx, rc, checked.value, rowNumber);
}

/** Creates through the object's own create path when its spec has one (leads: duplicate rules; deals: pipelines), else the record service's. */
async function createRow(tx: Tx, rc: RowContext, input: Record<string, unknown>, rowNumber: number): Promise<RowOutcome> {
  const { deps, ctx, object } = rc;
  if (rc.spec.create) {
    const { record, mergedBefore } = await rc.spec.create(tx, { deps, ctx, input });
    await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, record, mergedBefore ?? null));
    return mergedBefore ? 'updated' : 'created';
  }
  const created = await createInTx(tx, { deps, ctx, def: rc.def, input });
  await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, created));
  return 'created';
}

/** Drops the changes collected since `mark`: their writes were rolled back to a savepoint. */
export function forget(rc: RowContext, mark: number): void {
  if (rc.ctx.collect) rc.ctx.collect.length = mark;
}

/** One row in a savepoint: a refused row leaves nothing behind (not even the parent it would have created). */
export type ImportRowOptions = { rc: RowContext; row: string[]; rowNumber: number };

export async function importRow(tx: Tx, { rc, row, rowNumber }: ImportRowOptions): Promise<RowOutcome> {
  await savepoint(tx, 'import_row');
  const mark = rc.ctx.collect?.length ?? 0;
  try {
    const outcome = await writeRow(tx, rc, row, rowNumber);
    await (typeof outcome === 'object' ? rollbackToSavepoint : releaseSavepoint)(tx, 'import_row');
    if (typeof outcome === 'object') forget(rc, mark);
    return outcome;
  } catch (error) {
    await rollbackToSavepoint(tx, 'import_row');
    forget(rc, mark);
    if (error instanceof AppError && error.errors.length) return { errors: error.errors };
    // Module errors carry their full key (errors.lead_duplicate_blocked); the generic ones only their code.
    const message = error instanceof AppError ? (error.message.includes('.') ? error.message : `errors.${error.message}`) : '';
    if (error instanceof AppError) return { errors: [{ field: 'row', message, params: error.params }] };
    return { errors: [{ field: 'row', message: 'imports.row_failed', params: { reason: error instanceof Error ? error.message : String(error) } }] };
  }
}
