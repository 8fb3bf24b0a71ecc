import { z } from 'zod';
import { inTenant } from '#db/tx.ts';
import type { AccessProfile } from '../access/access.ts';
import type { Deps } from '../deps.ts';
import { loadAccess } from './auth.service.ts';

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    /** The language the user chose (null until they do: the web app then keeps the browser's). */
    locale: z.string().nullable(),
    timezone: z.string().nullable(),
    tenantId: z.string(),
    /** The tenant's default zone, which the UI uses when the user has not chosen one. */
    tenantTimezone: z.string(),
    tenantCurrency: z.string(),
    tenantName: z.string(),
    isAdmin: z.boolean(),
  }),
  permissions: z.record(z.string(), z.record(z.string(), z.string())),
  fields: z.record(z.string(), z.record(z.string(), z.object({ read: z.boolean(), edit: z.boolean() }))),
});

export async function getMe(deps: Deps, tenantId: string, userId: string, access?: AccessProfile) {
  const profile = access ?? (await loadAccess({ deps, tenantId, userId }));
  const row = await inTenant(deps.db.kysely, tenantId, (tx) =>
    tx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.locale',
        'users.timezone',
        'tenants.name as tenant_name',
        'tenants.timezone as tenant_timezone',
        'tenants.base_currency as tenant_currency',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow(),
  );
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      timezone: row.timezone,
      tenantId,
      tenantTimezone: row.tenant_timezone,
      tenantCurrency: row.tenant_currency,
      tenantName: row.tenant_name,
      isAdmin: profile.isAdmin,
    },
    permissions: profile.permissions as Record<string, Record<string, string>>,
    fields: profile.fields,
  };
}
