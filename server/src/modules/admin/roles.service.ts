import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { pickFields } from '#platform/http/list-query.ts';
import { newId } from '#platform/ids.ts';
import { checkVersion, duplicate, isForeignKeyViolation, isUniqueViolation, roleInUse, unknownObjects } from './admin.errors.ts';
import { assertAdminRemains, requireAdmin } from './admin-guards.service.ts';
import { lockTenant } from './admin.repo.ts';
import { planList, toPage } from './list-page.mapper.ts';
import { auditedRole, toRole } from './roles.mapper.ts';
import * as repo from './roles.repo.ts';
import { ACCESS_OBJECTS, type TCreateRoleRequest, type TRole, type TRoleListQuery, type TUpdateRoleRequest } from './roles.schema.ts';

export type ListRolesOptions = { deps: Deps; ctx: RequestContext; query: TRoleListQuery };
/** Roles are configuration: any read scope on `role` shows them all. */
export async function listRoles({ deps, ctx, query }: ListRolesOptions) {
  requireAccess(ctx.access, 'role', 'read');
  const plan = planList(query, repo.ROLE_CATALOG, 'name');
  const page = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toPage(await repo.listRoles(tx, plan, query.q), plan, toRole));
  return { data: pickFields(page.data, query.fields), nextCursor: page.nextCursor };
}

export type GetRoleOptions = { deps: Deps; ctx: RequestContext; id: string };
export async function getRole({ deps, ctx, id }: GetRoleOptions): Promise<TRole> {
  requireAccess(ctx.access, 'role', 'read');
  const row = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.findRole(tx, id));
  if (!row) throw notFound('role');
  return toRole(row);
}

/** Permissions name objects of the registry (standard, or the tenant's custom ones, which the schema cannot know) or access objects without records yet. */
async function checkObjects(tx: Tx, deps: Deps, input: Pick<TUpdateRoleRequest, 'permissions' | 'fieldPermissions'>) {
  const registered = new Set((await deps.objects.forTenant(tx)).map((d) => d.name));
  const known = (name: string) => (ACCESS_OBJECTS as readonly string[]).includes(name) || registered.has(name);
  const unknown = [
    ...Object.keys(input.permissions ?? {}).flatMap((name) => (known(name) ? [] : [`permissions.${name}`])),
    ...Object.keys(input.fieldPermissions ?? {}).flatMap((name) => (known(name) ? [] : [`fieldPermissions.${name}`])),
  ];
  if (unknown.length) throw unknownObjects(unknown);
}

export type CreateRoleOptions = { deps: Deps; ctx: RequestContext; input: TCreateRoleRequest };
export async function createRole({ deps, ctx, input }: CreateRoleOptions): Promise<TRole> {
  requireAdmin(ctx);
  return withUniqueName(() =>
    inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      await checkObjects(tx, deps, input);
      if (await repo.findRoleByName(tx, input.name)) throw duplicate('role', 'name');
      const row = await repo.insertRole(tx, {
        tenant_id: ctx.tenantId,
        id: newId(),
        name: input.name,
        description: input.description ?? null,
        is_admin: input.isAdmin,
        permissions: JSON.stringify(input.permissions),
        field_permissions: JSON.stringify(input.fieldPermissions),
      });
      const role = toRole(row as repo.RoleRow);
      await recordChange(tx, ctx, { action: 'created', objectType: 'role', objectId: role.id, after: auditedRole(role) });
      return role;
    }),
  );
}

export type UpdateRoleOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateRoleRequest; version?: number | undefined };

export async function updateRole({ deps, ctx, id, input, version }: UpdateRoleOptions): Promise<TRole> {
  requireAdmin(ctx);
  return withUniqueName(() =>
    inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      await lockTenant(tx, 'admins');
      const before = await loadForChange(tx, id, version);
      await checkObjects(tx, deps, input);
      if (input.name !== undefined && input.name !== before.name && (await repo.findRoleByName(tx, input.name))) throw duplicate('role', 'name');
      const row = await repo.updateRole(tx, id, {
        name: input.name,
        description: input.description,
        is_admin: input.isAdmin,
        permissions: input.permissions && JSON.stringify(input.permissions),
        field_permissions: input.fieldPermissions && JSON.stringify(input.fieldPermissions),
      });
      const after = toRole(row as repo.RoleRow);
      if (before.isAdmin && !after.isAdmin) await assertAdminRemains(tx);
      await recordChange(tx, ctx, { action: 'updated', objectType: 'role', objectId: id, before: auditedRole(before), after: auditedRole(after) });
      return after;
    }),
  );
}

export type DeleteRoleOptions = { deps: Deps; ctx: RequestContext; id: string; version?: number | undefined };

/** A role still given to users is refused, so nobody loses access as a side effect. */
export async function deleteRole({ deps, ctx, id, version }: DeleteRoleOptions): Promise<void> {
  requireAdmin(ctx);
  try {
    await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      const before = await loadForChange(tx, id, version);
      if (before.userCount > 0) throw roleInUse(before.userCount);
      await repo.deleteRole(tx, id);
      await recordChange(tx, ctx, { action: 'deleted', objectType: 'role', objectId: id, before: auditedRole(before) });
    });
  } catch (error) {
    // A user given the role concurrently, after the count above.
    throw isForeignKeyViolation(error) ? roleInUse(1) : error;
  }
}

async function loadForChange(tx: Tx, id: string, version: number | undefined): Promise<TRole> {
  const row = await repo.findRole(tx, id, true);
  if (!row) throw notFound('role');
  const role = toRole(row);
  checkVersion(version, role.version);
  return role;
}

async function withUniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate('role', 'name') : error;
  }
}
