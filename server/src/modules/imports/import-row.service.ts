import { releaseSavepoint, rollbackToSavepoint, savepoint } from './savepoints.repo.ts';
import type { Tx } from '#db/tx.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, type FieldError } from '#platform/errors/app-error.ts';
import { toE164 } from '#platform/phones.ts';
import { createInTx, updateInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import type { ImportObject } from './import-fields.definition.ts';
import { createDealInTx, type TCreateDealRequest } from '#modules/deals/index.ts';
import { captureImportedLead } from '#modules/leads/index.ts';
import { findCompanyByName, findMatch, journal, journalEntry } from './import-records.repo.ts';
import { resolveReferences } from './row-references.service.ts';
import type { TDedupRule, TImportOptions } from './imports.schema.ts';
import { rowToInput, type MappingEntry } from './row-input.mapper.ts';
import { DEFINITIONS, validateInput } from './row-validation.rules.ts';

export type RowOutcome = 'created' | 'updated' | 'skipped' | { errors: FieldError[] };

export type RowContext = {
  deps: Deps;
  ctx: RequestContext;
  importId: string;
  object: ImportObject;
  mapping: MappingEntry[];
  dedup: TDedupRule;
  options: TImportOptions;
  customDefs: CustomFieldDef[];
  /** The tenant's default phone region (ISO 3166 alpha-2) for numbers without a country code. */
  phoneRegion?: string;
  /** The tenant's zone for date-times without an offset (loaded on first use). */
  timezone?: string;
};

/** Objects the import's own dedup rule applies to (deals by name only; activities never match). */
const matchable = (object: ImportObject, match: TDedupRule['match']) => (object === 'activity' ? false : object === 'deal' ? match === 'nameCompany' : true);

async function createCompany(tx: Tx, rc: RowContext, name: string, rowNumber: number): Promise<string> {
  const created = await createInTx(tx, { deps: rc.deps, ctx: rc.ctx, def: DEFINITIONS.company, input: { name, source: rc.options.defaultSource } });
  await journal(tx, rc.ctx.tenantId, rc.importId, journalEntry('company', rowNumber, created));
  return created.id;
}

/** Whether the row names a company that is not there yet and will be created for it. */
export const companyToCreate = (rc: RowContext, companyName: string | null, input: Record<string, unknown>) =>
  !!companyName && !input.companyId && rc.options.createCompanies;

/** The key to look a row up by: none when it is name + company and the company is still to be created (it has no contacts yet). */
export const lookupKey = <K>(rc: RowContext, key: K | null, unborn: boolean): K | null => (unborn && rc.dedup.match === 'nameCompany' ? null : key);

export function matchKey(rc: RowContext, input: Record<string, unknown>) {
  const { match } = rc.dedup;
  if (!matchable(rc.object, match)) return null;
  if (match === 'email') return { email: (input.emails as { address: string }[] | undefined)?.[0]?.address };
  if (match === 'phone')
    return { e164: ((input.phones as { number: string }[] | undefined) ?? []).map((p) => toE164(p.number)).filter((e): e is string => !!e) };
  if (match === 'nameCompany') return { name: input.name as string | undefined, companyId: (input.companyId as string | undefined) ?? null };
  return null;
}

/** Writes one row: links its company, applies the dedup rule, creates or updates through the record service. */
async function writeRow(tx: Tx, rc: RowContext, row: string[], rowNumber: number): Promise<RowOutcome> {
  const { deps, ctx, object } = rc;
  const def = DEFINITIONS[object];
  const built = rowToInput(object, row, rc.mapping, rc.customDefs, rc.phoneRegion);
  if (built.errors.length) return { errors: built.errors };
  const input = built.input;
  const unresolved = await resolveReferences(tx, rc, object, built.refs, input);
  if (unresolved.length) return { errors: unresolved };
  // The company is created only for a row that is written (a skipped row adds nothing); until then
  // it has no contacts, so a row naming it cannot match by name + company.
  const { companyName } = built;
  if (companyName) input.companyId = (await findCompanyByName(tx, companyName))?.id ?? null;
  const unborn = companyToCreate(rc, companyName, input);
  const key = lookupKey(rc, matchKey(rc, input), unborn);
  const existing: Row | undefined = key ? await findMatch(tx, def.table, key) : undefined;
  if (existing && rc.dedup.action === 'skip') return 'skipped';
  if (unborn && companyName) input.companyId = await createCompany(tx, rc, companyName, rowNumber);
  if (existing && rc.dedup.action === 'update') {
    const scope = scopeOf(ctx.access, object, 'update');
    if (scope === 'none' || !mayTouch(ctx.access, scope, existing.owner_id)) return { errors: [{ field: 'row', message: 'imports.may_not_update' }] };
    const checked = validateInput(object, 'update', input);
    if (!checked.ok) return { errors: checked.errors };
    const updated = await updateInTx(tx, { deps, ctx, def, input: checked.value, row: existing });
    if (!updated) return { errors: [{ field: 'row', message: 'imports.changed_meanwhile' }] };
    await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, updated, existing));
    return 'updated';
  }
  if (!('source' in input) && (object === 'contact' || object === 'company' || object === 'lead')) input.source = rc.options.defaultSource;
  const checked = validateInput(object, 'create', input);
  if (!checked.ok) return { errors: checked.errors };
  return createRow(tx, rc, checked.value, rowNumber);
}

type LeadInput = Parameters<typeof captureImportedLead>[1]['input'];

/** Creates through each object's own create path: leads are captured (duplicate rules, scoring, assignment), deals get their pipeline rules. */
async function createRow(tx: Tx, rc: RowContext, value: Record<string, unknown>, rowNumber: number): Promise<RowOutcome> {
  const { deps, ctx, object } = rc;
  if (object === 'lead') {
    // A warn rule cannot ask anyone mid-import: the lead is kept and marked duplicateOf, as "create anyway" does; block still refuses.
    const { allowDuplicate: _a, ...input } = value as LeadInput & { allowDuplicate?: boolean };
    const { lead, mergedBefore } = await captureImportedLead(tx, { deps, ctx, input, allowDuplicate: true });
    if (mergedBefore) {
      await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, lead, mergedBefore));
      return 'updated';
    }
    await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, lead));
    return 'created';
  }
  const created =
    object === 'deal'
      ? await createDealInTx({ deps, ctx, tx, input: value as TCreateDealRequest })
      : await createInTx(tx, { deps, ctx, def: DEFINITIONS[object], input: value });
  await journal(tx, ctx.tenantId, rc.importId, journalEntry(object, rowNumber, created));
  return 'created';
}

/** One row in a savepoint: a refused row leaves nothing behind (not even the company it would have created). */
export async function importRow(tx: Tx, rc: RowContext, row: string[], rowNumber: number): Promise<RowOutcome> {
  await savepoint(tx, 'import_row');
  try {
    const outcome = await writeRow(tx, rc, row, rowNumber);
    await (typeof outcome === 'object' ? rollbackToSavepoint : releaseSavepoint)(tx, 'import_row');
    return outcome;
  } catch (error) {
    await rollbackToSavepoint(tx, 'import_row');
    if (error instanceof AppError && error.errors.length) return { errors: error.errors };
    // Module errors carry their full key (errors.lead_duplicate_blocked); the generic ones only their code.
    const message = error instanceof AppError ? (error.message.includes('.') ? error.message : `errors.${error.message}`) : '';
    if (error instanceof AppError) return { errors: [{ field: 'row', message, params: error.params }] };
    return { errors: [{ field: 'row', message: 'imports.row_failed', params: { reason: error instanceof Error ? error.message : String(error) } }] };
  }
}
