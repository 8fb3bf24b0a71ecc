import { type SqlBool, sql } from 'kysely';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import { column } from '#platform/query/catalog.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { readableCatalogFor } from '#platform/records/field-access.ts';
import { listRecords } from '#platform/records/records.repo.ts';
import { patternsMatch } from './event-types.definition.ts';
import type { RenderOptions } from './webhook-payload.service.ts';

/** The imports module's event for a committed batch of an import (#21). */
export const BATCH_EVENT = 'import.batch_committed';

type BatchRecords = Record<string, { created?: string[]; updated?: string[] }>;
type BatchPayload = {
  importId?: string;
  object?: string;
  fileName?: string;
  rows?: unknown;
  counts?: unknown;
  records?: BatchRecords;
  changes?: Record<string, object>;
};

const recordsOf = (payload: Record<string, unknown> | undefined) => (payload as BatchPayload | undefined)?.records ?? {};

/**
 * Whether a subscription takes a batch: it names the batch event (or `*`, `import.*`), or the
 * record events the batch stands for (`contact.created` takes a batch that created contacts).
 */
export function takesBatch(patterns: readonly string[], payload: Record<string, unknown> | undefined): boolean {
  if (patternsMatch(patterns, BATCH_EVENT)) return true;
  return Object.entries(recordsOf(payload)).some(
    ([object, ids]) =>
      (!!ids.created?.length && patternsMatch(patterns, `${object}.created`)) || (!!ids.updated?.length && patternsMatch(patterns, `${object}.updated`)),
  );
}

const ID_ORDER = [{ name: 'id', spec: column('id', 'uuid', { nullable: false }), desc: false }];

/**
 * The body of a batch delivery: the import, the rows and counts, and per object the ids created
 * and updated that the owner may read (and that pass the subscription's filter), with the names
 * of the fields each updated record changed. Null when none is left.
 */
export async function renderBatch(o: RenderOptions): Promise<string | null> {
  const { tx, deps, event } = o;
  // The owner's profile, read in the open transaction (PGlite has one connection).
  const access = await loadAccess({ deps: { ...deps, db: { ...deps.db, kysely: tx } }, tenantId: o.tenantId, userId: o.ownerId });
  const payload = (event.payload ?? {}) as BatchPayload;
  const declarations = await deps.objects.forTenant(tx);
  const records: Record<string, { created: string[]; updated: string[] }> = {};
  for (const [object, group] of Object.entries(payload.records ?? {})) {
    const declaration = declarations.find((d) => d.name === object);
    const def = declaration ? definitionOf(declaration) : undefined;
    const scope = def ? scopeOf(access, def.object, 'read') : 'none';
    const ids = [...(group.created ?? []), ...(group.updated ?? [])];
    if (!def || scope === 'none' || !ids.length) continue;
    const where = [sql<SqlBool>`id = any(${sql`cast(${ids} as uuid[])`})`];
    if (o.filter) {
      const text = JSON.stringify(o.filter);
      try {
        const condition = compileFilter(text, await readableCatalogFor({ tx, def, access, uses: [text] }));
        if (condition) where.push(condition);
      } catch {
        continue; // the filter does not fit this object (or names a field the owner may no longer read): none of its records match
      }
    }
    const { rows } = await listRecords(tx, { table: def.table, where, sort: ID_ORDER, limit: ids.length, owners: null, deleted: false });
    const visible = new Set(rows.filter((r) => mayTouch(access, scope, r.owner_id)).map((r) => r.id));
    records[object] = { created: (group.created ?? []).filter((id) => visible.has(id)), updated: (group.updated ?? []).filter((id) => visible.has(id)) };
  }
  const shown = Object.values(records).flatMap((g) => g.updated);
  if (!shown.length && !Object.values(records).some((g) => g.created.length)) return null;
  const changedFields = Object.fromEntries(shown.map((id) => [id, Object.keys(payload.changes?.[id] ?? {})]));
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    object: 'import',
    objectId: event.objectId,
    data: {
      importId: payload.importId,
      object: payload.object,
      fileName: payload.fileName,
      rows: payload.rows,
      counts: payload.counts,
      records,
      changedFields,
    },
  });
}
