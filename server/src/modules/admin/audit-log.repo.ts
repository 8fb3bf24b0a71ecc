import type { Tx } from '#db/tx.ts';
import { column } from '#platform/query/catalog.ts';
import { afterCursor, cursorColumns, decodeCursor, encodeCursor, orderBy, type SortKey } from '#platform/query/sort.ts';

// UUIDv7 ids are time-ordered, so "newest first" is the id descending, which the indexes carry.
const NEWEST_FIRST: SortKey[] = [{ name: 'id', spec: column('audit_log.id', 'uuid', { nullable: false }), desc: true }];

export type AuditSearch = {
  objectType?: string | undefined;
  objectId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

export async function searchAudit(tx: Tx, s: AuditSearch) {
  let query = tx
    .selectFrom('audit_log')
    .leftJoin('users', (j) => j.onRef('users.tenant_id', '=', 'audit_log.tenant_id').onRef('users.id', '=', 'audit_log.actor_id'))
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'users.name as actor_name',
      'audit_log.action',
      'audit_log.object_type',
      'audit_log.object_id',
      'audit_log.changes',
      'audit_log.request_id',
      'audit_log.ip',
    ])
    .select(cursorColumns(NEWEST_FIRST));
  if (s.objectType) query = query.where('audit_log.object_type', '=', s.objectType);
  if (s.objectId) query = query.where('audit_log.object_id', '=', s.objectId);
  if (s.actorId) query = query.where('audit_log.actor_id', '=', s.actorId);
  if (s.action) query = query.where('audit_log.action', '=', s.action);
  if (s.from) query = query.where('audit_log.at', '>=', new Date(s.from));
  if (s.to) query = query.where('audit_log.at', '<', new Date(s.to));
  if (s.cursor) query = query.where(afterCursor(NEWEST_FIRST, decodeCursor(s.cursor, NEWEST_FIRST)));
  const rows = await query
    .orderBy(orderBy(NEWEST_FIRST))
    .limit(s.limit + 1)
    .execute();
  const page = rows.slice(0, s.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > s.limit && last ? encodeCursor(last, NEWEST_FIRST) : null };
}
