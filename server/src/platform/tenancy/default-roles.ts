import type { FieldPermissions, Permissions } from '../access/access.ts';

const CORE_OBJECTS = ['company', 'contact', 'activity', 'lead', 'deal'] as const;

// Everyone may look up colleagues, teams and pipelines (pickers, names) and see the pools their
// teams are given (the pool module narrows it further); only admins change them.
const grant = (scopes: Record<string, 'own' | 'team' | 'all' | 'none'>): Permissions => ({
  ...Object.fromEntries(CORE_OBJECTS.map((o) => [o, { ...scopes }])),
  user: { read: 'all' },
  team: { read: 'all' },
  pipeline: { read: 'all' },
  pool: { read: 'all' },
});

export type RoleSeed = { name: string; description: string; isAdmin: boolean; permissions: Permissions; fields: FieldPermissions };

/** The roles every new tenant starts with; admins edit them in Settings. */
export const DEFAULT_ROLES: RoleSeed[] = [
  { name: 'Administrator', description: 'Everything, including settings', isAdmin: true, permissions: {}, fields: {} },
  {
    name: 'Sales Manager',
    description: 'Their team’s customers; sees sensitive fields',
    isAdmin: false,
    permissions: grant({ read: 'team', create: 'team', update: 'team', delete: 'team', export: 'team', import: 'team' }),
    fields: {
      contact: { phones: { read: true, edit: true }, idNumber: { read: true, edit: true } },
      company: { bankAccount: { read: true, edit: true } },
    },
  },
  {
    name: 'Sales Rep',
    description: 'Their own customers; sensitive fields masked',
    isAdmin: false,
    permissions: grant({ read: 'own', create: 'own', update: 'own', delete: 'none', export: 'none', import: 'none' }),
    fields: { contact: { phones: { read: true, edit: true } } },
  },
];
