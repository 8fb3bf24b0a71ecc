import { inTenant, type Tx } from '#db/tx.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { present } from '#platform/records/record-service.ts';
import { findRecord, updateRecord } from '#platform/records/records.repo.ts';
import { markUndone, type JournalEntry, journalPage, restoreImage, writableColumns } from './import-records.repo.ts';
import * as repo from './imports.repo.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import type { Versioned } from '#platform/records/record-service.ts';

const PAGE = 500;

async function undoOne(tx: Tx, deps: Deps, ctx: RequestContext, e: JournalEntry): Promise<void> {
  // Any record object an import wrote (its row's object, or a parent it created); one whose object is gone stays as it is.
  const declaration = (await deps.objects.forTenant(tx)).find((d) => d.name === e.object);
  const def = declaration && definitionOf<Versioned>(declaration);
  if (!def) return;
  const row = await findRecord(tx, def.table, e.record_id);
  if (!row) return;
  const full = { ...ctx, access: { ...ctx.access, isAdmin: true } };
  if (e.action === 'created') {
    if (row.deleted_at) return;
    const deleted = await updateRecord(tx, def.table, row.id, { deleted_at: new Date(), updated_by: ctx.userId }, row.version);
    if (deleted)
      await recordChange(tx, ctx, {
        action: 'deleted',
        objectType: def.object,
        objectId: row.id,
        before: { deletedAt: null },
        after: { deletedAt: deleted.deleted_at },
        payload: { importId: ctx.requestId.replace(/^import-/, '') },
      });
    return;
  }
  // A record someone edited after the import keeps their edit; only untouched records go back.
  if (!e.before || row.version !== e.version_after) return;
  const restored = await restoreImage(tx, def.table, e.before, await writableColumns(tx, def.table), row.version, ctx.userId);
  if (!restored) return;
  const [before, after] = await present({ tx, deps, ctx: full, def, rows: [row, restored] });
  await recordChange(tx, ctx, { action: 'updated', objectType: def.object, objectId: row.id, before, after, sensitive: def.sensitive.map((s) => s.field) });
}

/**
 * Undoes an import page by page: created records go to the recycle bin, updated ones get their
 * before-image back (audited). Each page marks its journal entries undone in the same transaction, so a
 * killed worker resumes where it stopped.
 */
export async function runRollback(o: { deps: Deps; tenantId: string; importId: string }): Promise<'done' | 'skipped'> {
  const { deps, tenantId, importId } = o;
  const imp = await inTenant(deps.db.kysely, tenantId, (tx) => repo.findImport(tx, importId));
  if (imp?.status !== 'rolling_back' || !imp.created_by) return 'skipped';
  const access = await loadAccess({ deps, tenantId, userId: imp.created_by });
  const ctx: RequestContext = { tenantId, userId: imp.created_by, requestId: `import-${importId}`, ip: null, locale: 'en', access };
  for (;;) {
    const more = await inTenant(deps.db.kysely, tenantId, async (tx) => {
      const page = await journalPage(tx, importId, 0, PAGE);
      for (const entry of page) await undoOne(tx, deps, ctx, entry);
      await markUndone(tx, importId, page);
      return page.length === PAGE;
    });
    if (!more) break;
  }
  await inTenant(deps.db.kysely, tenantId, (tx) => repo.updateImport(tx, importId, { status: 'rolled_back', finished_at: new Date() }));
  return 'done';
}
