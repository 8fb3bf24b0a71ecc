import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** Names of related companies, contacts, deals and users (owners), for `company: {id, name}` embeds, in one query. */
export async function loadRelated(tx: Tx, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(ids)];
  const map = new Map<string, { id: string; name: string }>();
  if (unique.length === 0) return map;
  const list = sql`cast(${unique} as uuid[])`;
  const { rows } = await sql<{ id: string; name: string }>`
    select id, name from companies where id = any(${list})
    union all select id, name from contacts where id = any(${list})
    union all select id, name from users where id = any(${list})
    union all select id, name from deals where id = any(${list})
    union all select id, name from leads where id = any(${list})`.execute(tx);
  for (const r of rows) map.set(r.id, r);
  return map;
}

export async function referencesExist(tx: Tx, table: 'companies' | 'contacts' | 'users', id: string): Promise<boolean> {
  if (table === 'users') return !!(await tx.selectFrom('users').select('id').where('id', '=', id).where('is_active', '=', true).executeTakeFirst());
  return !!(await tx.selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst());
}

/** The ids of `ids` that exist (live records; active users), in one query. */
export async function referencesExistMany(tx: Tx, table: 'companies' | 'contacts' | 'users', ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const query =
    table === 'users'
      ? tx.selectFrom('users').select('id').where('id', 'in', ids).where('is_active', '=', true)
      : tx.selectFrom(table).select('id').where('id', 'in', ids).where('deleted_at', 'is', null);
  return (await query.execute()).map((r) => r.id);
}
