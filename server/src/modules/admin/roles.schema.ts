import { z } from 'zod';
import { ACTIONS, SCOPES } from '#platform/access/access.ts';
import { ZListQuery } from '#platform/http/list-query.ts';
import { CUSTOM_OBJECT_NAME } from '#platform/objects/custom-objects.schema.ts';

/**
 * Access objects a role may name besides the registry's objects (which are checked against the
 * registry when a role or token is saved, so a module adding an object edits nothing here):
 * identity objects and names reserved for domains still to come.
 */
export const ACCESS_OBJECTS = [
  'company',
  'contact',
  'activity',
  'lead',
  'pool',
  'deal',
  'pipeline',
  'product',
  'quote',
  'order',
  'contract',
  'payment',
  'invoice',
  'ticket',
  'article',
  'campaign',
  'segment',
  'workflow',
  'report',
  'dashboard',
  'user',
  'team',
  'role',
] as const;
export type AccessObject = (typeof ACCESS_OBJECTS)[number];

export const ZAccessObject = z.enum(ACCESS_OBJECTS);
/**
 * An object's name as the registry knows it: a standard object (`price_book`) or the tenant's
 * custom object (`distributors`). Which names exist is checked against the registry when a role
 * is saved (roles.service.ts), as the schema cannot know a tenant's objects.
 */
const ZPermissionObject = z.union([ZAccessObject, z.string().regex(CUSTOM_OBJECT_NAME), z.string().regex(/^[a-z][a-z0-9_]{0,62}$/)]);
const ZFieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}(\.[A-Za-z][A-Za-z0-9_]{0,62})?$/, 'a field name such as idNumber or custom.vip');

export const ZPermissions = z.partialRecord(ZPermissionObject, z.partialRecord(z.enum(ACTIONS), z.enum(SCOPES)));
export const ZFieldPermissions = z.partialRecord(ZPermissionObject, z.record(ZFieldName, z.object({ read: z.boolean(), edit: z.boolean() }).strict()));

export const ZRole = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  isAdmin: z.boolean(),
  permissions: ZPermissions,
  fieldPermissions: ZFieldPermissions,
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TRole = z.infer<typeof ZRole>;

export const ZCreateRoleRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).nullable().optional(),
    isAdmin: z.boolean().default(false),
    permissions: ZPermissions.default({}),
    fieldPermissions: ZFieldPermissions.default({}),
  })
  .strict();
export type TCreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;

export const ZUpdateRoleRequest = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().max(1000).nullable().optional(),
    isAdmin: z.boolean().optional(),
    permissions: ZPermissions.optional(),
    fieldPermissions: ZFieldPermissions.optional(),
  })
  .strict();
export type TUpdateRoleRequest = z.infer<typeof ZUpdateRoleRequest>;

export const ZRoleListQuery = ZListQuery.omit({ deleted: true });
export type TRoleListQuery = z.infer<typeof ZRoleListQuery>;
