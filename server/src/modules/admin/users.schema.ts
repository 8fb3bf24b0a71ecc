import { z } from 'zod';
import { LOCALES } from '#platform/i18n/i18n.ts';
import { ZListQuery } from '#platform/http/list-query.ts';
import { isTimeZone } from '#platform/time/zones.ts';

export const ZLocale = z.enum(LOCALES as ['zh-CN', 'en']);
export const ZTimeZone = z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai');
export const ZPassword = z.string().min(8).max(200);
const ZName = z.string().trim().min(1).max(100);
const ZRoleIds = z.array(z.uuid()).max(50);

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  teamId: z.uuid().nullable(),
  roleIds: z.array(z.uuid()),
  locale: ZLocale.nullable(),
  timezone: z.string().nullable(),
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUserRequest = z
  .object({
    email: z.email().max(254),
    name: ZName,
    password: ZPassword,
    teamId: z.uuid().nullable().optional(),
    roleIds: ZRoleIds.default([]),
    locale: ZLocale.nullable().optional(),
    timezone: ZTimeZone.nullable().optional(),
  })
  .strict();
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    email: z.email().max(254).optional(),
    name: ZName.optional(),
    teamId: z.uuid().nullable().optional(),
    roleIds: ZRoleIds.optional(),
    locale: ZLocale.nullable().optional(),
    timezone: ZTimeZone.nullable().optional(),
  })
  .strict();
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

/** What anyone may change about themselves; team, roles and email are the admin's. */
export const ZUpdateMeRequest = ZUpdateUserRequest.pick({ name: true, locale: true, timezone: true }).strict();
export type TUpdateMeRequest = z.infer<typeof ZUpdateMeRequest>;

export const ZResetPasswordRequest = z.object({ password: ZPassword }).strict();
export const ZChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword }).strict();
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZUserListQuery = ZListQuery.omit({ deleted: true });
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
