import type { TFunction } from 'i18next';

/** The roles every tenant starts with, as the server names them (platform/tenancy/default-roles.ts). */
const BUILTIN: Record<string, { key: string; description: string }> = {
  Administrator: { key: 'administrator', description: 'Everything, including settings' },
  'Sales Manager': { key: 'salesManager', description: 'Their team’s customers; sees sensitive fields' },
  'Sales Rep': { key: 'salesRep', description: 'Their own customers; sensitive fields masked' },
};

type RoleLike = { name: string; description?: string | null };

/** A role's name in the user's language: a built-in role still named as created is translated; a renamed or custom one is shown as typed. */
export function roleLabel(role: RoleLike, t: TFunction): string {
  const b = BUILTIN[role.name];
  return b ? t(`settings.roles.builtin.${b.key}.name`) : role.name;
}

/** A role's description in the user's language when it is a built-in role's, unchanged. */
export function roleDescription(role: RoleLike, t: TFunction): string {
  const b = BUILTIN[role.name];
  return b && role.description === b.description ? t(`settings.roles.builtin.${b.key}.description`) : (role.description ?? '');
}
