import { inTenant, type Tx } from '#db/tx.ts';
import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import { hashPassword } from '#platform/auth/password.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { pickFields } from '#platform/http/list-query.ts';
import { newId } from '#platform/ids.ts';
import { badReference, checkVersion, duplicate, isForeignKeyViolation, isUniqueViolation, referencedMeanwhile } from './admin.errors.ts';
import { assertAdminRemains, requireAdmin, requireUser } from './admin-guards.service.ts';
import { lockTenant } from './admin.repo.ts';
import { planList, toPage } from './list-page.mapper.ts';
import { existingRoleIds } from './roles.repo.ts';
import { teamExists } from './teams.repo.ts';
import { auditedUser, loadUser, toUser } from './users.mapper.ts';
import * as repo from './users.repo.ts';
import type { TCreateUserRequest, TUpdateMeRequest, TUpdateUserRequest, TUser, TUserListQuery } from './users.schema.ts';

export type ListUsersOptions = { deps: Deps; ctx: RequestContext; query: TUserListQuery };
/** Read scope on `user`: own = oneself, team = the team subtree, all = everyone. */
export async function listUsers({ deps, ctx, query }: ListUsersOptions) {
  const onlyIds = ownerLimit(ctx.access, requireAccess(ctx.access, 'user', 'read'));
  const plan = planList(query, repo.USER_CATALOG, 'name');
  const page = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows = await repo.listUsers(tx, { plan, q: query.q, onlyIds });
    const roles = await repo.roleIdsOf(
      tx,
      rows.map((r) => r.id),
    );
    return toPage(rows, plan, (row) => toUser(row, roles.get(row.id) ?? []));
  });
  return { data: pickFields(page.data, query.fields), nextCursor: page.nextCursor };
}

export type GetUserOptions = { deps: Deps; ctx: RequestContext; id: string };
export async function getUser({ deps, ctx, id }: GetUserOptions): Promise<TUser> {
  const limit = ctx.userId === id ? null : ownerLimit(ctx.access, requireAccess(ctx.access, 'user', 'read'));
  if (limit && !limit.includes(id)) throw notFound('user');
  const user = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => loadUser(tx, id));
  if (!user) throw notFound('user');
  return user;
}

export type CreateUserOptions = { deps: Deps; ctx: RequestContext; input: TCreateUserRequest };
export async function createUser({ deps, ctx, input }: CreateUserOptions): Promise<TUser> {
  requireAdmin(ctx);
  const passwordHash = await hashPassword(input.password);
  return withUniqueEmail(() =>
    inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      if (await repo.emailTaken(tx, input.email)) throw duplicate('user', 'email');
      const roleIds = await checkReferences(tx, input.teamId, input.roleIds);
      const id = newId();
      await repo.insertUser(tx, {
        tenant_id: ctx.tenantId,
        id,
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        team_id: input.teamId ?? null,
        locale: input.locale ?? null,
        timezone: input.timezone ?? null,
      });
      await repo.setUserRoles(tx, ctx.tenantId, id, roleIds ?? []);
      const user = (await loadUser(tx, id)) as TUser;
      await recordChange(tx, ctx, { action: 'created', objectType: 'user', objectId: id, after: auditedUser(user) });
      return user;
    }),
  );
}

export type UpdateUserOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateUserRequest; version?: number | undefined };

export async function updateUser({ deps, ctx, id, input, version }: UpdateUserOptions): Promise<TUser> {
  requireAdmin(ctx);
  return withUniqueEmail(() =>
    inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      await lockTenant(tx, 'admins');
      const before = await loadForChange({ tx, id, version });
      if (input.email !== undefined && (await repo.emailTaken(tx, input.email, id))) throw duplicate('user', 'email');
      const roleIds = await checkReferences(tx, input.teamId, input.roleIds);
      await repo.updateUser(tx, id, { email: input.email, name: input.name, team_id: input.teamId, locale: input.locale, timezone: input.timezone });
      if (roleIds) await repo.setUserRoles(tx, ctx.tenantId, id, roleIds);
      const after = (await loadUser(tx, id)) as TUser;
      if (roleIds) await assertAdminRemains(tx);
      await recordChange(tx, ctx, { action: 'updated', objectType: 'user', objectId: id, before: auditedUser(before), after: auditedUser(after) });
      return after;
    }),
  );
}

export type UpdateMeOptions = { deps: Deps; ctx: RequestContext; input: TUpdateMeRequest; version?: number | undefined };

/** One's own name, language and time zone; If-Match is honoured as on any record. */
export async function updateMe({ deps, ctx, input, version }: UpdateMeOptions): Promise<TUser> {
  const id = requireUser(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const before = await loadForChange({ tx, id, version });
    await repo.updateUser(tx, id, { name: input.name, locale: input.locale, timezone: input.timezone });
    const after = (await loadUser(tx, id)) as TUser;
    await recordChange(tx, ctx, { action: 'updated', objectType: 'user', objectId: id, before: auditedUser(before), after: auditedUser(after) });
    return after;
  });
}

export type LoadForChangeOptions = { tx: Tx; id: string; version: number | undefined };
export async function loadForChange({ tx, id, version }: LoadForChangeOptions): Promise<TUser> {
  const user = await loadUser(tx, id, true);
  if (!user) throw notFound('user');
  checkVersion(version, user.version);
  return user;
}

/** Refuses a team or role of another tenant (invisible under RLS) as a field error; returns the deduplicated role ids. */
async function checkReferences(tx: Tx, teamId: string | null | undefined, roleIds: string[] | undefined): Promise<string[] | undefined> {
  if (teamId && !(await teamExists(tx, teamId))) throw badReference('teamId', 'team');
  if (!roleIds) return undefined;
  const unique = [...new Set(roleIds)].sort();
  const found = await existingRoleIds(tx, unique);
  if (found.size !== unique.length) throw badReference('roleIds', 'role');
  return unique;
}

/** Turns races the pre-checks cannot see into 409s instead of 500s. */
async function withUniqueEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate('user', 'email');
    // The team or a role was deleted between the reference check and the write.
    if (isForeignKeyViolation(error)) throw referencedMeanwhile();
    throw error;
  }
}
