import type { FieldPermissions, Permissions } from '#platform/access/access.ts';
import type { RoleRow } from './roles.repo.ts';
import type { TRole } from './roles.schema.ts';

export const toRole = (row: RoleRow): TRole => ({
  id: row.id,
  name: row.name,
  description: row.description,
  isAdmin: row.is_admin,
  permissions: row.permissions as Permissions as TRole['permissions'],
  fieldPermissions: row.field_permissions as FieldPermissions as TRole['fieldPermissions'],
  userCount: Number(row.user_count),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

/** What the audit trail compares: the role without counters. */
export const auditedRole = ({ userCount: _count, ...role }: TRole) => role;
