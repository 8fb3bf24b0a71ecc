import { inTenant } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { requireAdmin } from './admin-guards.service.ts';
import * as repo from './audit-log.repo.ts';
import type { TAuditEntry, TAuditLogQuery, THistoryQuery } from './audit-log.schema.ts';

type AuditRow = Awaited<ReturnType<typeof repo.searchAudit>>['rows'][number];

// The view's columns read as nullable; those of both its tables are not.
const toEntry = (row: AuditRow): TAuditEntry => ({
  id: row.id as string,
  at: (row.at as Date).toISOString(),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action as string,
  objectType: row.object_type as string,
  objectId: row.object_id,
  changes: row.changes as TAuditEntry['changes'],
  requestId: row.request_id,
  ip: row.ip,
  importId: row.import_id,
  fileName: row.file_name,
});

export type SearchAuditLogOptions = { deps: Deps; ctx: RequestContext; query: TAuditLogQuery };
/** The whole tenant's trail: administrators only. */
export async function searchAuditLog({ deps, ctx, query }: SearchAuditLogOptions) {
  requireAdmin(ctx);
  const page = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.searchAudit(tx, query));
  return { data: page.rows.map(toEntry), nextCursor: page.nextCursor };
}

export type HistoryOptions = THistoryQuery & { objectType: string; objectId: string };

export type RecordHistoryOptions = { deps: Deps; ctx: RequestContext } & HistoryOptions;
/**
 * Field history of one record, for anyone who may read that kind of record. For now this does
 * not check the record's owner; the object's module will narrow it when it owns the read check.
 */
export async function recordHistory({ deps, ctx, ...o }: RecordHistoryOptions) {
  requireAccess(ctx.access, o.objectType, 'read');
  const page = await inTenant(deps.db.kysely, ctx.tenantId, (tx) =>
    repo.searchAudit(tx, { objectType: o.objectType, objectId: o.objectId, limit: o.limit, cursor: o.cursor }),
  );
  return { data: page.rows.map(toEntry), nextCursor: page.nextCursor };
}
