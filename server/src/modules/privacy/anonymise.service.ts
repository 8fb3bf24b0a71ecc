import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { RecordChangeOptions } from '#platform/events/record-change.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { loadRelated, relatedIdsOf, relatedTables } from '#platform/records/related.repo.ts';
import { anonymiseRow } from './erasure.repo.ts';
import { TOMBSTONE } from './privacy-requests.rules.ts';
import type { ColumnInfo } from './subject.repo.ts';
import type { PersonalField } from './subject.rules.ts';
import type { PlannedObject } from './subject.service.ts';

const ERASED = '[erased]';

const customOf = (row: Record<string, unknown>): Record<string, unknown> => (typeof row.custom === 'string' ? JSON.parse(row.custom) : row.custom) ?? {};

export const valueIn = (row: Record<string, unknown>, f: PersonalField): unknown => (f.custom ? customOf(row)[f.key] : row[f.column]);

/** What a personal column becomes: null, or for a column that may not be null the tombstone (text) or empty (json). */
const erasedValue = (f: Extract<PersonalField, { custom: false }>, current: unknown): unknown =>
  !f.required ? null : f.json ? (Array.isArray(current) ? [] : {}) : TOMBSTONE;

/** Replaces the values of the named fields (and `custom.<key>`) in an audit diff or an event payload's diff. */
export function redactorOf(fields: Set<string>) {
  const redactChanges = (changes: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, fields.has(k) ? { from: ERASED, to: ERASED } : v]));
  return (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const v = value as Record<string, unknown>;
    // An event payload carries the diff under `changes`; an audit row is the diff.
    if (v.changes && typeof v.changes === 'object') return { ...v, changes: redactChanges(v.changes as Record<string, unknown>) };
    return redactChanges(v);
  };
}

/** Empties the personal fields of the records (in place, version bumped, search text recomputed); returns the audit entries to write, fields named, values never. */
export async function anonymiseRows(o: {
  tx: Tx;
  ctx: RequestContext;
  f: PlannedObject & { rows: Row[] };
  columns: Map<string, ColumnInfo>;
}): Promise<RecordChangeOptions[]> {
  const def = o.f.definition;
  const changes: RecordChangeOptions[] = [];
  for (const row of o.f.rows) {
    const values: Record<string, unknown> = {};
    const customKeys: string[] = [];
    for (const p of o.f.plan.personal) {
      if (p.custom) customKeys.push(p.key);
      else values[p.column] = erasedValue(p, row[p.column]);
    }
    const custom = Object.fromEntries(Object.entries(customOf(row)).filter(([k]) => !customKeys.includes(k)));
    const merged = { ...row, ...values, custom };
    const related = def.derived ? await loadRelated(o.tx, relatedIdsOf(def, merged), relatedTables(def, false)) : new Map();
    const derived = def.derived?.(merged, related) ?? {};
    const stored = Object.fromEntries(Object.entries(derived).filter(([k]) => o.columns.has(k)));
    await anonymiseRow(o.tx, { table: o.f.plan.table, id: row.id, values: { ...values, ...stored }, customKeys, userId: o.ctx.userId, columns: o.columns });
    const fields = o.f.plan.personal.map((p) => p.field);
    changes.push({
      action: 'anonymised',
      objectType: o.f.plan.object,
      objectId: row.id,
      before: Object.fromEntries(fields.map((name) => [name, ERASED])),
      after: Object.fromEntries(fields.map((name) => [name, name === 'name' ? TOMBSTONE : null])),
    });
  }
  return changes;
}
