import { inTenant, type Tx } from '#db/tx.ts';
import { fieldRule } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import { loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { dedupErrors } from './dedup.errors.ts';
import { relationsOf } from './merge-relations.definition.ts';
import { insertMerge, softDelete, tableOf } from './merges.repo.ts';
import { dedupTarget, dedupTargets } from './dedup-objects.service.ts';
import { settlePairsOf } from './pairs.repo.ts';
import { carryLastActivity } from './relations.repo.ts';
import { loadSettings } from './settings.service.ts';
import { type Proposal, propose, survivorPatch } from './survivorship.rules.ts';

export type MergeOptions = { object: string; survivorId: string; mergedIds: string[]; choices?: Record<string, string> | undefined };
export type MergeResult = { survivorId: string; merges: { id: string; mergedId: string }[] };

/** Every id must be a live record of this object the user may update (404 hidden, 403 read-only). */
async function loadAll(tx: Tx, deps: Deps, ctx: RequestContext, o: MergeOptions): Promise<Row[]> {
  const ids = [o.survivorId, ...o.mergedIds];
  if (new Set(ids).size !== ids.length) throw dedupErrors.mergeSelf();
  const { def, table: own } = await dedupTarget({ deps, tx, object: o.object });
  const tables = (await dedupTargets({ deps, tx })).map((t) => t.table);
  const rows: Row[] = [];
  for (const id of ids) {
    const table = await tableOf(tx, id, tables);
    if (table && table !== own) throw dedupErrors.mergeOtherObject(o.object);
    rows.push(await loadVisible({ tx, ctx, def, id, action: id === o.survivorId ? 'update' : 'delete' }));
  }
  return rows;
}

/** Hand choices (field -> record id) as record indexes; sensitive fields the user may not edit stay the survivor's. */
function choicesOf(def: ObjectDefinition<Versioned>, o: MergeOptions, ctx: RequestContext, proposals: Proposal[]): Record<string, number> {
  const ids = [o.survivorId, ...o.mergedIds];
  const choices: Record<string, number> = {};
  for (const [field, id] of Object.entries(o.choices ?? {})) {
    const at = ids.indexOf(id);
    if (at < 0 || !proposals.some((p) => p.field === field)) throw dedupErrors.badChoice(field);
    choices[field] = at;
  }
  for (const s of def.sensitive) if (!fieldRule(ctx.access, o.object, s.field).edit && choices[s.field] === undefined) choices[s.field] = 0;
  return choices;
}

export type ProposalForOptions = { tx: Tx; deps: Deps; ctx: RequestContext; object: string; rows: Row[]; choices?: Record<string, number> };
/** Proposed survivor values for these records (the comparison screen's defaults). */
export async function proposalFor({ tx, deps, ctx, object, rows, choices = {} }: ProposalForOptions) {
  const { def, spec } = await dedupTarget({ deps, tx, object });
  const full = await present({ tx, deps, ctx: { ...ctx, access: { ...ctx.access, isAdmin: true } }, def, rows });
  return { full, proposals: propose(spec.mergeFields, full as unknown as Record<string, unknown>[], await loadSettings(tx, object), choices) };
}

export type MergeRecordsOptions = { deps: Deps; ctx: RequestContext } & MergeOptions;
/**
 * Merges records into the survivor in one transaction: survivor values by the rules (or chosen
 * by hand), related rows moved, the others soft-deleted, a snapshot kept for unmerge, audited
 * ('merge') and announced (`<object>.merged`).
 */
export async function mergeRecords({ deps, ctx, ...o }: MergeRecordsOptions): Promise<MergeResult> {
  return inTenant(deps.db.kysely, ctx.tenantId, (tx) => mergeInTx({ tx, deps, ctx, ...o }));
}

export type MergeInTxOptions = { tx: Tx; deps: Deps; ctx: RequestContext } & MergeOptions;
export async function mergeInTx({ tx, deps, ctx, ...o }: MergeInTxOptions): Promise<MergeResult> {
  const { table, def } = await dedupTarget({ deps, tx, object: o.object });
  const rows = await loadAll(tx, deps, ctx, o);
  const survivorBefore = rows[0] as Row;
  const first = await proposalFor({ tx, deps, ctx, object: o.object, rows });
  const { full, proposals } = await proposalFor({ tx, deps, ctx, object: o.object, rows, choices: choicesOf(def, o, ctx, first.proposals) });
  const patch = survivorPatch(proposals, full[0] as unknown as Record<string, unknown>);
  let survivor = survivorBefore;
  if (Object.keys(patch).length) {
    const updated = await updateInTx(tx, { deps, ctx, def, input: patch, row: survivorBefore });
    if (!updated) throw dedupErrors.changedMeanwhile(survivorBefore.version);
    survivor = updated;
  }
  const merges: MergeResult['merges'] = [];
  for (const mergedBefore of rows.slice(1)) {
    const moved: Record<string, string[]> = {};
    for (const relation of await relationsOf(deps, tx, o.object))
      moved[relation.name] = await relation.move(tx, { fromId: mergedBefore.id, toId: survivor.id });
    // Objects that track a last activity (a custom object has none) keep the later one.
    if (def.catalog.lastActivityAt) await carryLastActivity(tx, table, survivor.id, mergedBefore.id);
    const gone = await softDelete(tx, table, mergedBefore.id, mergedBefore.version, ctx.userId);
    if (!gone) throw dedupErrors.changedMeanwhile(mergedBefore.version);
    await settlePairsOf(tx, o.object, mergedBefore.id, ctx.userId);
    const id = newId();
    const snapshot = { survivorBefore: merges.length ? survivor : survivorBefore, survivorAfter: survivor, mergedBefore, moved };
    await insertMerge(tx, { tenantId: ctx.tenantId, id, object: o.object, survivorId: survivor.id, mergedId: mergedBefore.id, snapshot, userId: ctx.userId });
    const counts = Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length]));
    await writeAudit(tx, ctx, {
      action: 'merge',
      objectType: o.object,
      objectId: survivor.id,
      changes: { mergedFrom: { from: null, to: mergedBefore.id }, moved: { from: null, to: counts } },
    });
    await writeAudit(tx, ctx, {
      action: 'merge',
      objectType: o.object,
      objectId: mergedBefore.id,
      changes: { mergedInto: { from: null, to: survivor.id }, deletedAt: { from: null, to: gone.deleted_at } },
    });
    await emitEvent(tx, ctx, {
      type: `${o.object}.merged`,
      objectType: o.object,
      objectId: survivor.id,
      payload: { mergeId: id, survivorId: survivor.id, mergedId: mergedBefore.id, moved },
    });
    await emitEvent(tx, ctx, { type: `${o.object}.deleted`, objectType: o.object, objectId: mergedBefore.id, payload: { mergedInto: survivor.id } });
    merges.push({ id, mergedId: mergedBefore.id });
  }
  return { survivorId: survivor.id, merges };
}
