import type { Tx } from '#db/tx.ts';

/** Names of related companies and contacts, for `company: {id, name}` style embeds. */
export async function loadRelated(tx: Tx, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(ids)];
  const map = new Map<string, { id: string; name: string }>();
  if (unique.length === 0) return map;
  const [companies, contacts] = await Promise.all([
    tx.selectFrom('companies').select(['id', 'name']).where('id', 'in', unique).execute(),
    tx.selectFrom('contacts').select(['id', 'name']).where('id', 'in', unique).execute(),
  ]);
  for (const r of [...companies, ...contacts]) map.set(r.id, r);
  return map;
}

export async function referencesExist(tx: Tx, table: 'companies' | 'contacts' | 'users', id: string): Promise<boolean> {
  if (table === 'users') return !!(await tx.selectFrom('users').select('id').where('id', '=', id).where('is_active', '=', true).executeTakeFirst());
  return !!(await tx.selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst());
}
