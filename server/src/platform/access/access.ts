import { AppError } from '../errors/app-error.ts';

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;
export type Action = (typeof ACTIONS)[number];
export const SCOPES = ['none', 'own', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export type ObjectPermissions = Partial<Record<Action, Scope>>;
export type Permissions = Record<string, ObjectPermissions>;
export type FieldRule = { read: boolean; edit: boolean };
export type FieldPermissions = Record<string, Record<string, FieldRule>>;

/** What one user may do, merged from all their roles; built once per request. */
export type AccessProfile = {
  userId: string | null;
  isAdmin: boolean;
  permissions: Permissions;
  fields: FieldPermissions;
  /** Users whose records fall under scope `team`: the user and everyone in their team subtree. */
  teamUserIds: string[];
};

const rank = (scope: Scope | undefined) => SCOPES.indexOf(scope ?? 'none');

/** Several roles merge to the most permissive scope and field rule. */
export function mergeRoles(roles: { isAdmin: boolean; permissions: Permissions; fields: FieldPermissions }[]) {
  const permissions: Permissions = {};
  const fields: FieldPermissions = {};
  for (const role of roles) {
    for (const [object, actions] of Object.entries(role.permissions)) {
      permissions[object] ??= {};
      const merged = permissions[object];
      for (const [action, scope] of Object.entries(actions) as [Action, Scope][]) {
        if (rank(scope) > rank(merged[action])) merged[action] = scope;
      }
    }
    for (const [object, rules] of Object.entries(role.fields)) {
      fields[object] ??= {};
      const merged = fields[object];
      for (const [field, rule] of Object.entries(rules)) {
        const prev = merged[field] ?? { read: false, edit: false };
        merged[field] = { read: prev.read || rule.read, edit: prev.edit || rule.edit };
      }
    }
  }
  return { isAdmin: roles.some((r) => r.isAdmin), permissions, fields };
}

export function scopeOf(access: AccessProfile, object: string, action: Action): Scope {
  if (access.isAdmin) return 'all';
  return access.permissions[object]?.[action] ?? 'none';
}

/** Throws 403 when the user has no scope at all for the action; returns the scope otherwise. */
export function requireAccess(access: AccessProfile, object: string, action: Action): Exclude<Scope, 'none'> {
  const scope = scopeOf(access, object, action);
  if (scope === 'none') throw new AppError('forbidden');
  return scope;
}

/** Owner ids a query must be limited to, or null for every record. */
export function ownerLimit(access: AccessProfile, scope: Exclude<Scope, 'none'>): string[] | null {
  if (scope === 'all') return null;
  if (scope === 'team') return access.teamUserIds;
  return access.userId ? [access.userId] : [];
}

/**
 * Owner ids a list made for all of `actions` may show (null: every owner): a record must fall in
 * each action's scope, so an export shows what is both readable and exportable. 403 when one
 * action has no scope at all.
 */
export function ownersFor(access: AccessProfile, object: string, actions: readonly [Action, ...Action[]]): string[] | null {
  let owners: string[] | null = null;
  for (const action of actions) {
    const limit = ownerLimit(access, requireAccess(access, object, action));
    if (limit !== null) owners = owners === null ? limit : owners.filter((id) => limit.includes(id));
  }
  return owners;
}

export function mayTouch(access: AccessProfile, scope: Exclude<Scope, 'none'>, ownerId: string | null): boolean {
  const owners = ownerLimit(access, scope);
  return owners === null || (ownerId !== null && owners.includes(ownerId));
}

/** Sensitive fields are readable/editable only with an explicit field rule (or as admin). */
export function fieldRule(access: AccessProfile, object: string, field: string): FieldRule {
  if (access.isAdmin) return { read: true, edit: true };
  return access.fields[object]?.[field] ?? { read: false, edit: false };
}

/**
 * Narrows a profile to an API token's scopes (`contact:read`, `deal:*`); no scopes means the
 * user's full rights. A scoped token is never an administrator and sees sensitive fields masked.
 */
export function restrictToScopes(access: AccessProfile, scopes: readonly string[]): AccessProfile {
  if (scopes.length === 0) return access;
  const permissions: Permissions = {};
  for (const entry of scopes) {
    const [object = '', action = ''] = entry.split(':');
    const actions = action === '*' ? ACTIONS : ACTIONS.filter((a) => a === action);
    for (const a of actions) {
      const scope = scopeOf(access, object, a);
      if (scope === 'none') continue;
      permissions[object] ??= {};
      permissions[object][a] = scope;
    }
  }
  return { ...access, isAdmin: false, permissions, fields: access.isAdmin ? {} : access.fields };
}
