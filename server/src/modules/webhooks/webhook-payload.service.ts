import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { mayTouch, scopeOf, type AccessProfile } from '#platform/access/access.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { readableCatalogFor } from '#platform/records/field-access.ts';
import { present } from '#platform/records/record-service.ts';
import { countRecords, findRecord } from '#platform/records/records.repo.ts';
import { nameColumns } from '#platform/records/related.repo.ts';
import { BATCH_EVENT, renderBatch } from './webhook-batch-payload.service.ts';

export type WebhookEvent = {
  id: string;
  type: string;
  objectType: string | null;
  objectId: string | null;
  createdAt: Date;
  /** The outbox payload: only the names of changed fields go out (values may be sensitive). */
  payload?: Record<string, unknown>;
};

export type RenderOptions = {
  tx: Tx;
  deps: Deps;
  tenantId: string;
  ownerId: string;
  event: WebhookEvent;
  filter: Record<string, unknown> | null;
  /** Extra members from a workflow rule's call. */
  context?: Record<string, unknown>;
};

/** The owner's access profile, read in the open transaction (PGlite has one connection). */
export const ownerAccess = (o: { tx: Tx; deps: Deps; tenantId: string; ownerId: string }): Promise<AccessProfile> =>
  loadAccess({ deps: { ...o.deps, db: { ...o.deps.db, kysely: o.tx } }, tenantId: o.tenantId, userId: o.ownerId });

/**
 * The body of one delivery: the event and the record as the API would show it to the
 * subscription's owner (scope and field masking), or null when the owner may not see the record,
 * it no longer exists, or it does not pass the filter. Events about no record go to admins only.
 */
export async function renderPayload(o: RenderOptions): Promise<string | null> {
  if (o.event.type === BATCH_EVENT) return renderBatch(o);
  const { tx, deps, event } = o;
  const access = await ownerAccess(o);
  const declaration = event.objectType ? (await deps.objects.forTenant(tx)).find((d) => d.name === event.objectType) : undefined;
  const def = declaration ? definitionOf(declaration) : undefined;
  let data: unknown = null;
  if (!def || !event.objectId) {
    if (o.filter || !access.isAdmin) return null;
  } else {
    const scope = scopeOf(access, def.object, 'read');
    if (scope === 'none') return null;
    const row = await findRecord(tx, def.table, event.objectId, nameColumns(def, def.table));
    if (!row || !mayTouch(access, scope, row.owner_id)) return null;
    if (o.filter && !(await passesFilter({ tx, def, access, id: row.id, deleted: row.deleted_at !== null, filter: o.filter }))) return null;
    const ctx: RequestContext = { tenantId: o.tenantId, userId: o.ownerId, requestId: `webhook-${event.id}`, ip: null, locale: 'en', access };
    [data] = await present({ tx, deps, ctx, def, rows: [row] });
  }
  const changes = event.payload?.changes;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    object: event.objectType,
    objectId: event.objectId,
    // A create's diff names every field: only later changes say something.
    ...(changes && typeof changes === 'object' && !event.type.endsWith('.created') ? { changedFields: Object.keys(changes) } : {}),
    ...(o.context ? { context: o.context } : {}),
    data,
  });
}

type FilterCheck = {
  tx: Tx;
  def: NonNullable<ReturnType<typeof definitionOf>>;
  /** The owner's: a filter on a masked field they may not read (any more) matches nothing. */
  access: AccessProfile;
  id: string;
  deleted: boolean;
  filter: Record<string, unknown>;
};

async function passesFilter({ tx, def, access, id, deleted, filter }: FilterCheck): Promise<boolean> {
  const text = JSON.stringify(filter);
  let condition: ReturnType<typeof compileFilter>;
  try {
    condition = compileFilter(text, await readableCatalogFor({ tx, def, access, uses: [text] }));
  } catch {
    return false; // a field the filter named was removed since, or the owner may no longer read it: nothing matches
  }
  if (!condition) return true;
  return (await countRecords(tx, { table: def.table, where: [condition, sql`id = ${id}`], owners: null, deleted })) > 0;
}
