import type { Tx } from '#db/tx.ts';

type TrailRow = { id: string; changes: unknown };

/**
 * Rewrites the audit entries and outbox events about the records (a data subject's erasure, #21):
 * `redact` returns an entry's diff (an event's payload) without the erased values; the entries
 * stay, so the trail still says that a field changed, when and by whom. Returns the rows changed.
 */
export async function redactTrail(tx: Tx, o: { ids: string[]; redact: (changes: unknown) => unknown }): Promise<number> {
  if (!o.ids.length) return 0;
  const audits = await tx.selectFrom('audit_log').select(['id', 'changes']).where('object_id', 'in', o.ids).execute();
  const events = await tx.selectFrom('outbox').select(['id', 'payload as changes']).where('object_id', 'in', o.ids).execute();
  let n = 0;
  const changed = (rows: TrailRow[]) =>
    rows.flatMap((r) => {
      const next = o.redact(r.changes);
      return JSON.stringify(next) === JSON.stringify(r.changes) ? [] : [{ id: r.id, value: JSON.stringify(next) }];
    });
  for (const r of changed(audits)) {
    await tx.updateTable('audit_log').set({ changes: r.value }).where('id', '=', r.id).execute();
    n++;
  }
  for (const r of changed(events)) {
    await tx.updateTable('outbox').set({ payload: r.value }).where('id', '=', r.id).execute();
    n++;
  }
  return n;
}
