import { type Kysely, sql } from 'kysely';
import type { DB } from '#db/schema.ts';
import { enterTenant, inSystem, type Tx } from '#db/tx.ts';
import { hashPassword } from '../auth/password.ts';
import { insertDefaultCalendar } from '../calendars/calendars.repo.ts';
import { newSealedDataKey } from '../crypto/field-crypto.ts';
import { newId } from '../ids.ts';
import type { ObjectDeclaration } from '../objects/object-registry.ts';
import { defaultRoles, objectsWithDefaults } from './default-roles.ts';
import { recordObjectGrants } from './object-grants.repo.ts';

export type CreateTenantOptions = {
  slug: string;
  name: string;
  adminEmail: string;
  adminPassword: string;
  adminName?: string;
  masterKey: Buffer;
  locale?: 'zh-CN' | 'en';
  /** The registry's standard objects, which the default roles grant. */
  objects: readonly ObjectDeclaration[];
};

/** A tenant with its data key, the default roles (their objects recorded as granted), a root team and its first administrator. */
export async function createTenant(db: Kysely<DB>, o: CreateTenantOptions) {
  const tenantId = newId();
  const passwordHash = await hashPassword(o.adminPassword);
  // One transaction: a second instance starting at the same time waits on the slug, then fails.
  const adminId = await inSystem(db, async (tx) => {
    await tx
      .insertInto('tenants')
      .values({ id: tenantId, slug: o.slug, name: o.name, data_key: newSealedDataKey(o.masterKey), locale: o.locale ?? 'zh-CN' })
      .execute();
    await enterTenant(tx, tenantId);
    const { timezone } = await tx.selectFrom('tenants').select('timezone').where('id', '=', tenantId).executeTakeFirstOrThrow();
    await insertDefaultCalendar(tx, { tenantId, timeZone: timezone });
    const roleIds = await insertDefaultRoles(tx, tenantId, o.objects);
    // The roles hold every object's defaults: the start-up sync has nothing to add (object-grants.service.ts).
    await recordObjectGrants(tx, tenantId, objectsWithDefaults(o.objects));
    const teamId = newId();
    await tx.insertInto('teams').values({ tenant_id: tenantId, id: teamId, name: o.name }).execute();
    const userId = newId();
    await tx
      .insertInto('users')
      .values({ tenant_id: tenantId, id: userId, email: o.adminEmail, name: o.adminName ?? 'Admin', password_hash: passwordHash, team_id: teamId })
      .execute();
    await tx
      .insertInto('user_roles')
      .values({ tenant_id: tenantId, user_id: userId, role_id: roleIds.Administrator as string })
      .execute();
    return userId;
  });
  return { tenantId, adminId };
}

async function insertDefaultRoles(tx: Tx, tenantId: string, objects: readonly ObjectDeclaration[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const role of defaultRoles(objects)) {
    ids[role.name] = newId();
    await tx
      .insertInto('roles')
      .values({
        tenant_id: tenantId,
        id: ids[role.name] as string,
        name: role.name,
        description: role.description,
        is_admin: role.isAdmin,
        permissions: JSON.stringify(role.permissions),
        field_permissions: JSON.stringify(role.fields),
      })
      .execute();
  }
  return ids;
}

export const countTenants = async (db: Kysely<DB>) => (await db.selectFrom('tenants').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;

export const findTenantBySlug = (db: Kysely<DB>, slug: string) => db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
