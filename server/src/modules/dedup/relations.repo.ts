import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { MergeRelation } from './merge-relations.definition.ts';

/** Rows of `table` whose `column` names the merged record move to the survivor (and back on unmerge). */
export function columnRelation(object: string, table: string, column: string): MergeRelation {
  return {
    name: `${table}.${column}`,
    object,
    move: async (tx, { fromId, toId }) => {
      if (!(await tableExists(tx, table))) return [];
      const { rows } = await sql<{ id: string }>`update ${sql.table(table)} set ${sql.ref(column)} = ${toId}, version = version + 1, updated_at = now()
        where ${sql.ref(column)} = ${fromId} returning id`.execute(tx);
      return rows.map((r) => r.id);
    },
    restore: async (tx, { ids, fromId, toId }) => {
      if (!ids.length) return;
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${fromId}, version = version + 1, updated_at = now()
        where id = any(${ids}::uuid[]) and ${sql.ref(column)} = ${toId}`.execute(tx);
    },
  };
}

/** Records of `table` whose lookup custom field `key` names the merged record point at the survivor (and back on unmerge). */
export function lookupRelation(object: string, o: { owner: string; table: string; key: string }): MergeRelation {
  return {
    name: `custom.${o.owner}.${o.key}`,
    object,
    move: async (tx, { fromId, toId }) => {
      const { rows } = await sql<{ id: string }>`update ${sql.table(o.table)} set custom = jsonb_set(custom, array[${o.key}], to_jsonb(${toId}::text)),
        version = version + 1, updated_at = now() where custom->>${o.key} = ${fromId} returning id`.execute(tx);
      return rows.map((r) => r.id);
    },
    restore: async (tx, { ids, fromId, toId }) => {
      if (!ids.length) return;
      await sql`update ${sql.table(o.table)} set custom = jsonb_set(custom, array[${o.key}], to_jsonb(${fromId}::text)),
        version = version + 1, updated_at = now() where id = any(${ids}::uuid[]) and custom->>${o.key} = ${toId}`.execute(tx);
    },
  };
}

async function tableExists(tx: Tx, table: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select to_regclass(${`public.${table}`}) is not null as ok`.execute(tx);
  return rows[0]?.ok ?? false;
}

/** The survivor's last activity is the later of the two. */
export async function carryLastActivity(tx: Tx, table: string, survivorId: string, mergedId: string): Promise<void> {
  await sql`update ${sql.table(table)} s set last_activity_at = greatest(s.last_activity_at, m.last_activity_at)
    from ${sql.table(table)} m where s.id = ${survivorId} and m.id = ${mergedId} and m.last_activity_at is not null`.execute(tx);
}
