import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type NamedRecord = { id: string; name: string; owner_id: string | null };

/** Names (and owners, for read scope) of these records of a record table, deleted ones included (a link keeps its name). */
export async function namedRecords(tx: Tx, o: { table: string; ids: string[]; owned: boolean }): Promise<NamedRecord[]> {
  if (!o.ids.length) return [];
  const { rows } = await sql<NamedRecord>`select id, name, ${o.owned ? sql`owner_id` : sql`null::uuid as owner_id`}
    from ${sql.table(o.table)} where id = any(${o.ids}::uuid[])`.execute(tx);
  return rows;
}
