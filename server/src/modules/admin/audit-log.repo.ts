import type { Tx } from '#db/tx.ts';
import { column } from '#platform/query/catalog.ts';
import { afterCursor, cursorColumns, decodeCursor, encodeCursor, orderBy, type SortKey } from '#platform/query/sort.ts';

// UUIDv7 ids are time-ordered, so "newest first" is the id descending, which the indexes carry.
const NEWEST_FIRST: SortKey[] = [{ name: 'id', spec: column('record_history.id', 'uuid', { nullable: false }), desc: true }];

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

/** The audit log and the import journal (an imported row's field changes, #21) as one trail, newest first. */
export async function searchAudit(tx: Tx, s: AuditSearch) {
  let query = tx
    .selectFrom('record_history')
    .leftJoin('users', (j) => j.onRef('users.tenant_id', '=', 'record_history.tenant_id').onRef('users.id', '=', 'record_history.actor_id'))
    .select([
      'record_history.id',
      'record_history.at',
      'record_history.actor_id',
      'users.name as actor_name',
      'record_history.action',
      'record_history.object_type',
      'record_history.object_id',
      'record_history.changes',
      'record_history.request_id',
      'record_history.ip',
      'record_history.import_id',
      'record_history.file_name',
    ])
    .select(cursorColumns(NEWEST_FIRST));
  if (s.objectType) query = query.where('record_history.object_type', '=', s.objectType);
  if (s.objectId) query = query.where('record_history.object_id', '=', s.objectId);
  if (s.actorId) query = query.where('record_history.actor_id', '=', s.actorId);
  if (s.action) query = query.where('record_history.action', '=', s.action);
  if (s.from) query = query.where('record_history.at', '>=', new Date(s.from));
  if (s.to) query = query.where('record_history.at', '<', new Date(s.to));
  if (s.cursor) query = query.where(afterCursor(NEWEST_FIRST, decodeCursor(s.cursor, NEWEST_FIRST)));
  const rows = await query
    .orderBy(orderBy(NEWEST_FIRST))
    .limit(s.limit + 1)
    .execute();
  const page = rows.slice(0, s.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > s.limit && last ? encodeCursor(last, NEWEST_FIRST) : null };
}
