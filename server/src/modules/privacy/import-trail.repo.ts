import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

type JournalRow = { import_id: string; object: string; record_id: string; changes: unknown };

/**
 * The import journal's side of an erasure (#21): an imported row's field changes live in its
 * journal entry and, for an update, in its batch's `import.batch_committed` event. Both lose the
 * erased values (`redact`, as the audit trail does), and the entries their before-image (that
 * update can no longer be rolled back); the imports' stored files and previews go. Returns the rows changed.
 */
export async function redactImportTrail(tx: Tx, o: { ids: string[]; redact: (changes: unknown) => unknown }): Promise<number> {
  if (!o.ids.length) return 0;
  const ids = sql`cast(${o.ids} as uuid[])`;
  const { rows } = await sql<JournalRow>`select import_id, object, record_id, changes from import_records where record_id = any(${ids})`.execute(tx);
  for (const r of rows) {
    const changes = r.changes ? JSON.stringify(o.redact(r.changes)) : null;
    await sql`update import_records set before = null, changes = ${changes}::jsonb
      where import_id = ${r.import_id} and object = ${r.object} and record_id = ${r.record_id}`.execute(tx);
  }
  const { rows: events } = await sql<{ id: string; payload: { changes?: Record<string, unknown> } }>`
    select id, payload from outbox where type = 'import.batch_committed' and jsonb_exists_any(payload->'changes', cast(${o.ids} as text[]))`.execute(tx);
  for (const e of events) {
    const changes = { ...e.payload.changes };
    for (const id of o.ids) if (changes[id]) changes[id] = o.redact(changes[id]);
    await sql`update outbox set payload = ${JSON.stringify({ ...e.payload, changes })}::jsonb where id = ${e.id}`.execute(tx);
  }
  // The files those imports read, and their previews, name the person too: a finished import no longer needs them.
  const imports = [...new Set(rows.map((r) => r.import_id))];
  if (imports.length) {
    const ids = sql`cast(${imports} as uuid[])`;
    await sql`delete from import_chunks where import_id = any(${ids})`.execute(tx);
    await sql`update imports set sample = '[]'::jsonb where id = any(${ids})`.execute(tx);
  }
  return rows.length + events.length + imports.length;
}
