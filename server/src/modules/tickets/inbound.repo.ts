import type { Tx } from '#db/tx.ts';

/** The first tenant whose slug is among `slugs`, in their order (runs as the system: tenants are not yet known). */
export async function findTenantBySlugs(tx: Tx, slugs: string[]): Promise<string | null> {
  if (!slugs.length) return null;
  const rows = await tx.selectFrom('tenants').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  for (const s of slugs) {
    const hit = rows.find((r) => r.slug === s);
    if (hit) return hit.id;
  }
  return null;
}

/** The tenant of a single-company install; null when there are several. */
export async function onlyTenant(tx: Tx): Promise<string | null> {
  const rows = await tx.selectFrom('tenants').select('id').limit(2).execute();
  return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}

export async function tenantLocale(tx: Tx): Promise<string> {
  return (await tx.selectFrom('tenants').select('locale').executeTakeFirst())?.locale ?? 'zh-CN';
}
