import type { Kysely } from 'kysely';
import type { DB } from '#db/schema.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import type { ObjectDeclaration } from '../objects/object-registry.ts';
import { defaultRoles, objectsWithDefaults } from './default-roles.ts';
import { addRoleDefaults, type PendingGrants, pendingObjectGrants, recordObjectGrants } from './object-grants.repo.ts';

export type SyncObjectGrantsOptions = {
  db: Kysely<DB>;
  /** The registry's standard objects. */
  objects: readonly ObjectDeclaration[];
};

/**
 * Gives each tenant's built-in roles the default grants of the objects new to it (a module
 * added since the tenant was created), once per tenant and object: run at every start. One
 * transaction per tenant; returns what it granted where, in the registry's order.
 */
export async function syncObjectGrants({ db, objects }: SyncObjectGrantsOptions): Promise<PendingGrants[]> {
  const granted: PendingGrants[] = [];
  for (const pending of await pendingObjectGrants(db, objectsWithDefaults(objects))) {
    const fresh = objects.filter((o) => pending.objects.includes(o.name));
    const recorded = await inTenant(db, pending.tenantId, (tx) => grantObjectDefaultsInTx(tx, { tenantId: pending.tenantId, objects: fresh }));
    if (recorded.length > 0) granted.push({ tenantId: pending.tenantId, objects: recorded });
  }
  return granted;
}

export type GrantObjectDefaultsOptions = { tenantId: string; objects: readonly ObjectDeclaration[] };

/**
 * Records the objects as granted and adds their defaults to the tenant's built-in roles, in the
 * caller's transaction; an object recorded before (by an earlier run, or one running now) is
 * skipped, so a grant an admin removed later is not given again.
 */
export async function grantObjectDefaultsInTx(tx: Tx, { tenantId, objects }: GrantObjectDefaultsOptions): Promise<string[]> {
  const recorded = new Set(await recordObjectGrants(tx, tenantId, objectsWithDefaults(objects)));
  if (recorded.size === 0) return [];
  const fresh = objects.filter((o) => recorded.has(o.name));
  for (const role of defaultRoles(fresh)) {
    if (Object.keys(role.permissions).length > 0 || Object.keys(role.fields).length > 0) await addRoleDefaults(tx, role);
  }
  return fresh.map((o) => o.name);
}
