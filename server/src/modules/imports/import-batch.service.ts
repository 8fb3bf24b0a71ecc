import { releaseSavepoint, rollbackToSavepoint, savepoint } from './savepoints.repo.ts';
import type { Tx } from '#db/tx.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import { checkWrites, createManyInTx, updateManyInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import { findByNames, findMatches, type JournalWrite, journalEntry, journalMany, lockMatching, type MatchKey } from './import-records.repo.ts';
import { forget, importRow, lookupKey, matchKey, parentToCreate, type RowContext, type RowOutcome } from './import-row.service.ts';
import { rowToInput } from './row-input.mapper.ts';
import { validateInput } from './row-validation.rules.ts';
import { SUPPRESSED, suppressedInputs } from './import-suppression.service.ts';

export type BatchRow = { rowNumber: number; values: string[] };

/** Thrown inside the set-based path when a batch needs the row-by-row path instead (nothing it wrote is kept). */
class RowByRow extends Error {}

/**
 * Imports a batch. Objects whose spec is `batched` (contacts, companies) go through a set-based path: one statement per step
 * (match lookup, parent lookup and creation, insert, audit, events, journal) for the batch
 * instead of a dozen per row, and one UPDATE per updated row. Rows whose key repeats an earlier
 * row of the batch follow one by one, in file order; if the set-based part fails it is rolled back and the
 * whole batch goes row by row, so the outcome is the same either way. Outcomes come in the rows' order.
 */
export type ImportBatchOptions = { rc: RowContext; rows: BatchRow[] };

export async function importBatch(tx: Tx, { rc, rows }: ImportBatchOptions): Promise<RowOutcome[]> {
  const outcomes = new Map<number, RowOutcome>();
  await lockMatching(tx, rc.ctx.tenantId, [rc.object, ...(rc.spec.parent ? [rc.spec.parent.object] : [])]);
  let deferred = rows;
  if (setBased(rc) && rows.length > 1) {
    await savepoint(tx, 'import_batch');
    const mark = rc.ctx.collect?.length ?? 0;
    try {
      deferred = await writeSet(tx, rc, rows, outcomes);
      await releaseSavepoint(tx, 'import_batch');
    } catch (error) {
      if (!(error instanceof RowByRow)) throw error;
      await rollbackToSavepoint(tx, 'import_batch');
      forget(rc, mark);
      outcomes.clear();
      deferred = rows;
    }
  }
  for (const row of deferred) outcomes.set(row.rowNumber, await importRow(tx, { rc, row: row.values, rowNumber: row.rowNumber }));
  return rows.map((row) => outcomes.get(row.rowNumber) as RowOutcome);
}

/**
 * A unique custom field cannot be checked against rows of the same statement, and a lookup cell
 * names its record by name (resolved per row): such objects go row by row, as do matches by a unique field.
 */
const setBased = (rc: RowContext) => !!rc.spec.batched && rc.dedup.match !== 'field' && !rc.customDefs.some((d) => d.unique || d.type === 'lookup');

/** The strings a match key is known by within a batch: a row sharing one with an earlier row must see that row's write. */
function keyStrings(key: MatchKey | null, parentName: string | null): string[] {
  if (!key) return [];
  if (key.email) return [`e:${key.email}`];
  if (key.e164?.length) return key.e164.map((e) => `p:${e}`);
  if (key.name) return [`n:${key.name.toLowerCase()}|${key.parentId ?? `new:${parentName?.toLowerCase() ?? ''}`}`];
  return [];
}

type Candidate = { row: BatchRow; input: Record<string, unknown>; parentName: string | null; existing?: Row };

/** Whether the importer may update the matched record (its role's update scope); refused rows get the row-by-row message. */
function mayUpdate(rc: RowContext, c: Candidate, outcomes: Map<number, RowOutcome>): boolean {
  const scope = scopeOf(rc.ctx.access, rc.object, 'update');
  const allowed = scope !== 'none' && mayTouch(rc.ctx.access, scope, c.existing?.owner_id ?? null);
  if (!allowed) outcomes.set(c.row.rowNumber, { errors: [{ field: 'row', message: 'imports.may_not_update' }] });
  return allowed;
}

/** The candidates the API's schema and the record service accept; the others get their field errors. */
async function checked(tx: Tx, rc: RowContext, mode: 'create' | 'update', candidates: Candidate[], outcomes: Map<number, RowOutcome>) {
  const valid: Candidate[] = [];
  for (const c of candidates) {
    const result = validateInput(rc.spec, mode, c.input);
    if (result.ok) valid.push({ ...c, input: result.value });
    else outcomes.set(c.row.rowNumber, { errors: result.errors });
  }
  const existing = mode === 'update' ? valid.map((c) => c.existing as Row) : undefined;
  const problems = await checkWrites(tx, { deps: rc.deps, ctx: rc.ctx, def: rc.def, inputs: valid.map((c) => c.input), existing });
  return valid.filter((c, i) => {
    const errors = problems[i];
    if (errors) outcomes.set(c.row.rowNumber, { errors });
    return !errors;
  });
}

/** The set-based part; returns the rows left for the row-by-row path. */
async function writeSet(tx: Tx, rc: RowContext, rows: BatchRow[], outcomes: Map<number, RowOutcome>): Promise<BatchRow[]> {
  const { deps, ctx, object, def, spec } = rc;
  const deferred = new Set<number>();
  const built: Candidate[] = [];
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const b = rowToInput(spec, row.values, rc.mapping, rc.customDefs, rc.phoneRegion);
    if (b.errors.length) outcomes.set(row.rowNumber, { errors: b.errors });
    else candidates.push({ row, input: b.input, parentName: b.parentName });
  }
  const suppressed = await suppressedInputs(tx, { rc, inputs: candidates.map((c) => c.input) });
  candidates.forEach((c, i) => {
    if (suppressed.has(i)) outcomes.set(c.row.rowNumber, { errors: [SUPPRESSED] });
    else built.push(c);
  });
  const named = built.flatMap((c) => (c.parentName ? [c.parentName] : []));
  const parents = spec.parent && rc.parentDef && named.length ? await findByNames(tx, rc.parentDef.table, named) : new Map<string, string>();
  linkParents(rc, built, parents);

  // Matching: a key seen earlier in the batch, or a record another row already matched, waits for the row-by-row path.
  const matching = rc.dedup.action !== 'create';
  const keys = built.map((c) => (matching ? matchKey(rc, c.input) : null));
  const lookups = built.map((c, i) => lookupKey({ rc, key: keys[i] ?? null, unborn: parentToCreate({ rc, parentName: c.parentName, input: c.input }) }));
  const existing = matching ? await findMatches(tx, def.table, lookups, spec.parent?.column) : [];
  const seen = new Set<string>();
  const creates: Candidate[] = [];
  const updates: Candidate[] = [];
  built.forEach((c, i) => {
    const match = existing[i];
    const names = [...keyStrings(keys[i] ?? null, c.parentName), ...(match ? [`id:${match.id}`] : [])];
    const repeated = names.some((n) => seen.has(n));
    for (const n of names) seen.add(n);
    if (repeated) deferred.add(c.row.rowNumber);
    else if (match && rc.dedup.action === 'update') updates.push({ ...c, existing: match });
    else if (match) outcomes.set(c.row.rowNumber, 'skipped');
    else creates.push(c);
  });

  // Validation as the API does it, and the record service's own checks, before anything is written.
  if (spec.fields.includes('source')) for (const c of creates) if (!('source' in c.input)) c.input.source = rc.options.defaultSource;
  const readyCreates = await checked(tx, rc, 'create', creates, outcomes);
  const readyUpdates = await checked(
    tx,
    rc,
    'update',
    updates.filter((c) => mayUpdate(rc, c, outcomes)),
    outcomes,
  );

  const entries: JournalWrite[] = [];
  await createMissingParents(tx, rc, [...readyCreates, ...readyUpdates], parents, entries);
  const created = await createManyInTx(tx, { deps, ctx, def, inputs: readyCreates.map((c) => c.input) });
  created.forEach((w, i) => {
    const c = readyCreates[i] as Candidate;
    if ('errors' in w) throw new RowByRow();
    outcomes.set(c.row.rowNumber, 'created');
    entries.push(journalEntry(object, c.row.rowNumber, w.row));
  });
  const existingRows = readyUpdates.map((c) => c.existing as Row);
  const updated = await updateManyInTx(tx, { deps, ctx, def, inputs: readyUpdates.map((c) => c.input), existing: existingRows });
  updated.forEach((w, i) => {
    const c = readyUpdates[i] as Candidate;
    if ('errors' in w) throw new RowByRow();
    if ('conflict' in w) outcomes.set(c.row.rowNumber, { errors: [{ field: 'row', message: 'imports.changed_meanwhile' }] });
    else {
      outcomes.set(c.row.rowNumber, 'updated');
      entries.push(journalEntry(object, c.row.rowNumber, w.row, c.existing as Row));
    }
  });
  await journalMany(tx, ctx.tenantId, rc.importId, entries);
  return rows.filter((r) => deferred.has(r.rowNumber));
}

/** Sets each row's parent id from the names found (null when its parent is not there yet). */
function linkParents(rc: RowContext, rows: Candidate[], parents: Map<string, string>) {
  const idField = rc.spec.parent?.idField;
  if (idField) for (const c of rows) if (c.parentName) c.input[idField] = parents.get(c.parentName.toLowerCase()) ?? null;
}

/** Creates the parents named by rows about to be written and not found, once per name; each row then links to its parent. */
async function createMissingParents(tx: Tx, rc: RowContext, ready: Candidate[], parents: Map<string, string>, entries: JournalWrite[]) {
  const missing = new Map<string, { name: string; rowNumber: number }>();
  for (const c of ready) {
    const key = c.parentName?.toLowerCase();
    if (c.parentName && key && !parents.has(key) && !missing.has(key)) missing.set(key, { name: c.parentName, rowNumber: c.row.rowNumber });
  }
  if (!missing.size || !rc.options.createCompanies || !rc.parentDef) return;
  const def: ObjectDefinition<Versioned> = rc.parentDef;
  const wanted = [...missing.values()];
  const created = await createManyInTx(tx, {
    deps: rc.deps,
    ctx: rc.ctx,
    def,
    inputs: wanted.map((m) => ({ name: m.name, source: rc.options.defaultSource })),
  });
  created.forEach((w, i) => {
    const m = wanted[i] as { name: string; rowNumber: number };
    if ('errors' in w) throw new RowByRow();
    parents.set(m.name.toLowerCase(), w.row.id);
    entries.push(journalEntry(def.object, m.rowNumber, w.row));
  });
  linkParents(rc, ready, parents);
}
