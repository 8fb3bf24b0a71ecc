import { type Kysely, sql } from 'kysely';
import type { DB } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import type { RoleSeed } from './default-roles.ts';

export type PendingGrants = { tenantId: string; objects: string[] };

/** Per tenant, those of `objects` it was not given the default grants of yet (as the owner: every tenant, one statement). */
export async function pendingObjectGrants(db: Kysely<DB>, objects: readonly string[]): Promise<PendingGrants[]> {
  if (objects.length === 0) return [];
  const { rows } = await sql<{ tenant_id: string; objects: string[] }>`
    select t.id as tenant_id, array_agg(o.name order by o.name) as objects
    from tenants t cross join unnest(${objects}::text[]) as o(name)
    where not exists (select 1 from object_grants g where g.tenant_id = t.id and g.object = o.name)
    group by t.id order by t.id`.execute(db);
  return rows.map((r) => ({ tenantId: r.tenant_id, objects: r.objects }));
}

/**
 * Records `objects` as granted in the tenant and returns those this call recorded: a concurrent
 * transaction recording the same waits on the primary key, then records none of them.
 */
export async function recordObjectGrants(tx: Tx, tenantId: string, objects: readonly string[]): Promise<string[]> {
  if (objects.length === 0) return [];
  const rows = await tx
    .insertInto('object_grants')
    .values(objects.map((object) => ({ tenant_id: tenantId, object })))
    .onConflict((oc) => oc.columns(['tenant_id', 'object']).doNothing())
    .returning('object')
    .execute();
  return rows.map((r) => r.object);
}

/** Adds a built-in role's (by name, as default-roles.ts seeds it) grants on objects it says nothing about yet; what it says stays. */
export async function addRoleDefaults(tx: Tx, role: RoleSeed): Promise<void> {
  await tx
    .updateTable('roles')
    .set({
      permissions: sql`${JSON.stringify(role.permissions)}::jsonb || permissions`,
      field_permissions: sql`${JSON.stringify(role.fields)}::jsonb || field_permissions`,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('name', '=', role.name)
    .where('is_admin', '=', role.isAdmin)
    .execute();
}

/** The objects recorded for the tenant, by name. */
export const grantedObjects = async (tx: Tx) => (await tx.selectFrom('object_grants').select('object').orderBy('object').execute()).map((r) => r.object);
