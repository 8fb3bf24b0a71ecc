import type { FieldPermissions, ObjectPermissions, Permissions, Scope } from '../access/access.ts';
import type { ObjectDeclaration } from '../objects/object-registry.ts';

export type RoleSeed = { name: string; description: string; isAdmin: boolean; permissions: Permissions; fields: FieldPermissions };

type Grant = Record<'read' | 'create' | 'update' | 'delete' | 'export' | 'import', Scope>;

/**
 * Every owned object gets the role's scopes (for the actions it offers); objects that everyone
 * reads (colleagues, teams, pipelines, the pools one's teams are given) get read on all; only
 * admins change those.
 */
function grant(objects: readonly ObjectDeclaration[], scopes: Grant): Permissions {
  const permissions: Permissions = {};
  for (const o of objects) {
    if (o.capabilities.includes('owned')) {
      permissions[o.name] = Object.fromEntries(o.actions.map((a) => [a, scopes[a]])) as ObjectPermissions;
    } else if (o.everyoneReads) permissions[o.name] = { read: 'all' };
  }
  return permissions;
}

/** Sensitive fields of owned objects; `clearOnly`: those shown masked but not stored encrypted (phones), not ID numbers or bank accounts. */
function sensitiveFields(objects: readonly ObjectDeclaration[], clearOnly: boolean): FieldPermissions {
  const fields: FieldPermissions = {};
  for (const o of objects) {
    const sensitive = (o.definition?.sensitive ?? []).filter((s: { encrypted: boolean }) => !clearOnly || !s.encrypted);
    if (o.capabilities.includes('owned') && sensitive.length)
      fields[o.name] = Object.fromEntries(sensitive.map((s: { field: string }) => [s.field, { read: true, edit: true }]));
  }
  return fields;
}

/** What objects grant a default role by name (`roleDefaults`: automation for managers). */
const withRoleDefaults = (objects: readonly ObjectDeclaration[], role: RoleSeed): RoleSeed => {
  const extra = objects.flatMap((o) => (o.roleDefaults?.[role.name] ? [[o.name, o.roleDefaults[role.name] as ObjectPermissions] as const] : []));
  return extra.length ? { ...role, permissions: { ...role.permissions, ...Object.fromEntries(extra) } } : role;
};

/** The roles every new tenant starts with, over the registry's standard objects; admins edit them in Settings. */
export function defaultRoles(objects: readonly ObjectDeclaration[]): RoleSeed[] {
  return baseRoles(objects).map((role) => withRoleDefaults(objects, role));
}

/**
 * The objects some default role gets a grant on (owned, everyone-reads, `roleDefaults`): what
 * `object_grants` records per tenant once those grants were given (object-grants.service.ts).
 */
export function objectsWithDefaults(objects: readonly ObjectDeclaration[]): string[] {
  const granted = new Set(defaultRoles(objects).flatMap((role) => [...Object.keys(role.permissions), ...Object.keys(role.fields)]));
  return objects.filter((o) => granted.has(o.name)).map((o) => o.name);
}

function baseRoles(objects: readonly ObjectDeclaration[]): RoleSeed[] {
  return [
    { name: 'Administrator', description: 'Everything, including settings', isAdmin: true, permissions: {}, fields: {} },
    {
      name: 'Sales Manager',
      description: 'Their team’s customers; sees sensitive fields',
      isAdmin: false,
      permissions: grant(objects, { read: 'team', create: 'team', update: 'team', delete: 'team', export: 'team', import: 'team' }),
      fields: sensitiveFields(objects, false),
    },
    {
      name: 'Sales Rep',
      description: 'Their own customers; sensitive fields masked',
      isAdmin: false,
      permissions: grant(objects, { read: 'own', create: 'own', update: 'own', delete: 'none', export: 'none', import: 'none' }),
      fields: sensitiveFields(objects, true),
    },
  ];
}
